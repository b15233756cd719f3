import type { TOptRequest } from '@tandem/contracts';
import { deleteParticipant, findProgramme, upsertParticipant } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { actingPerson } from './access';
import { recordCrossoverAudit } from './audit';
import { inFilter } from './crossover.mapper';

/**
 * A person opts in or sets their holiday pause (from `pausedFrom`, default at once, up to and
 * including `pausedUntil`); leaders and admins may do either for someone else. Paused people
 * stay opted in and are left out of the rounds run in the pause.
 */
export async function optIn(ctx: AppContext, auth: OrgAuth, programmeId: string, input: TOptRequest) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProgramme(tx, auth.orgId, programmeId);
    if (!p) throw notFound('Programme');
    const person = await actingPerson(tx, auth, input.personId);
    if (!inFilter(p, person)) throw new AppError('validation', `personId "${person.id}" is outside the programme's filter`, [{ path: 'body.personId' }]);
    const pause = { from: input.pausedUntil ? (input.pausedFrom ?? null) : null, until: input.pausedUntil ?? null };
    await upsertParticipant(tx, auth.orgId, programmeId, person.id, pause);
    await recordCrossoverAudit(ctx, tx, auth, 'coffee_programme.opted_in', programmeId, { personId: person.id, pausedFrom: pause.from, pausedUntil: pause.until });
    return { ok: true as const };
  });
}

export async function optOut(ctx: AppContext, auth: OrgAuth, programmeId: string, input: TOptRequest) {
  if (input.pausedUntil !== undefined || input.pausedFrom !== undefined) {
    throw new AppError('validation', 'pausedFrom and pausedUntil belong to opt-in (a pause keeps you in the programme)', [{ path: input.pausedUntil !== undefined ? 'body.pausedUntil' : 'body.pausedFrom' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const p = await findProgramme(tx, auth.orgId, programmeId);
    if (!p) throw notFound('Programme');
    const person = await actingPerson(tx, auth, input.personId);
    await deleteParticipant(tx, auth.orgId, programmeId, person.id);
    await recordCrossoverAudit(ctx, tx, auth, 'coffee_programme.opted_out', programmeId, { personId: person.id });
    return { ok: true as const };
  });
}
