import { sitInRota } from '@tandem/core';
import { findRota, peopleOfOrg, replaceTurns, rotaTurns } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { actingPerson } from './access';
import { recordCrossoverAudit } from './audit';
import { mailSitInChanges, sitInChanges } from './mail-sit-ins';
import { toSitIn } from './sit-ins.mapper';

/**
 * A pool member declines one meeting: the rota from that date on is proposed again with every
 * decline so far, the earlier meetings as history, so the decliner gets the next free meeting.
 * After the commit, whoever gained a date gets an invitation and whoever lost one a METHOD:CANCEL.
 */
export async function declineSitIn(ctx: AppContext, auth: OrgAuth, id: string, input: { date: string; personId?: string | undefined }) {
  const made = await ctx.db.transaction(async (tx) => {
    const r = await findRota(tx, auth.orgId, id);
    if (!r) throw notFound('Sit-in rota');
    const person = await actingPerson(tx, auth, input.personId);
    if (!r.poolPersonIds.includes(person.id)) throw new AppError('validation', `personId "${person.id}" is not in this rota's pool`, [{ path: 'body.personId' }]);
    const turns = await rotaTurns(tx, auth.orgId, id);
    const at = turns.findIndex((t) => t.date === input.date);
    if (at < 0) throw new AppError('validation', `date "${input.date}" is not a meeting of this rota`, [{ path: 'body.date' }]);
    if (!turns[at]!.declinedBy.includes(person.id)) turns[at]!.declinedBy.push(person.id);
    const declines = turns.flatMap((t) => t.declinedBy.map((p) => ({ date: t.date, personId: p })));
    const history = turns.slice(0, at).flatMap((t) => (t.personId ? [t.personId] : []));
    const again = sitInRota(r.poolPersonIds, turns.slice(at).map((t) => t.date), declines, history);
    const next = turns.map((t, i) => ({ date: t.date, personId: i < at ? t.personId : again[i - at]!.personId, declinedBy: t.declinedBy, note: t.note }));
    await replaceTurns(tx, auth.orgId, id, next);
    await recordCrossoverAudit(ctx, tx, auth, 'sit_in.declined', id, { date: input.date, personId: person.id });
    const people = await peopleOfOrg(tx, auth.orgId, r.poolPersonIds);
    return { r, before: turns.map((t) => ({ date: t.date, personId: t.personId })), next, people };
  });
  await mailSitInChanges(ctx, made.r, sitInChanges(made.before, made.next, input.date), new Map(made.people.map((p) => [p.id, p])));
  return toSitIn(made.r, made.next.map((t) => ({ ...t, orgId: auth.orgId, rotaId: id })), new Map(made.people.map((p) => [p.id, p.name])));
}
