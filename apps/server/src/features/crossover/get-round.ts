import type { TCoffeeRound, TPageQuery } from '@tandem/contracts';
import { findCoffeeRound, findProgramme, listCoffeeRounds, roundMembers } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { coffeeEvent } from './coffee-event';
import { calendarText } from '../../lib/ics';

export async function getRound(ctx: AppContext, auth: OrgAuth, programmeId: string, roundId: string): Promise<TCoffeeRound> {
  const round = await findCoffeeRound(ctx.db, auth.orgId, programmeId, roundId);
  if (!round) throw notFound('Round');
  const rows = await roundMembers(ctx.db, auth.orgId, roundId);
  const groups: TCoffeeRound['groups'] = [];
  for (const r of rows) {
    let g = groups[groups.length - 1];
    if (!g || g.index !== r.member.groupIndex) {
      g = { index: r.member.groupIndex, personIds: [], names: [], reasons: r.member.reasons, answers: [] };
      groups.push(g);
    }
    g.personIds.push(r.member.personId);
    g.names.push(r.name);
    g.answers.push({ personId: r.member.personId, met: r.member.met });
  }
  return { id: round.id, number: round.number, proposedStart: round.proposedStart.toISOString(), createdAt: round.createdAt.toISOString(), groups };
}

export async function listProgrammeRounds(ctx: AppContext, auth: OrgAuth, programmeId: string, q: TPageQuery) {
  if (!(await findProgramme(ctx.db, auth.orgId, programmeId))) throw notFound('Programme');
  const before = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : undefined;
  const rows = await listCoffeeRounds(ctx.db, auth.orgId, programmeId, q.limit, before);
  return pageOf(rows, q.limit, (r) => [r.number], (r) => ({ id: r.id, number: r.number, proposedStart: r.proposedStart.toISOString(), createdAt: r.createdAt.toISOString() }));
}

/** The invitation of one group as an .ics download (METHOD:REQUEST). */
export async function groupIcs(ctx: AppContext, auth: OrgAuth, programmeId: string, roundId: string, index: number): Promise<string> {
  const [p, round] = await Promise.all([findProgramme(ctx.db, auth.orgId, programmeId), findCoffeeRound(ctx.db, auth.orgId, programmeId, roundId)]);
  if (!p || !round) throw notFound('Round');
  const rows = await roundMembers(ctx.db, auth.orgId, roundId, index);
  if (!rows.length) throw notFound('Group');
  return calendarText([coffeeEvent(p, round, index, rows.map((r) => ({ name: r.name, email: r.email })))], 'REQUEST', ctx.now());
}
