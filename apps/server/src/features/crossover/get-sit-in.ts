import type { TPageQuery } from '@tandem/contracts';
import { findRota, listRotas, peopleOfOrg, rotaTurns } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { toSitIn } from './sit-ins.mapper';

export async function getSitIn(ctx: AppContext, auth: OrgAuth, id: string) {
  const r = await findRota(ctx.db, auth.orgId, id);
  if (!r) throw notFound('Sit-in rota');
  const turns = await rotaTurns(ctx.db, auth.orgId, id);
  const people = await peopleOfOrg(ctx.db, auth.orgId, r.poolPersonIds);
  return toSitIn(r, turns, new Map(people.map((p) => [p.id, p.name])));
}

export async function listSitIns(ctx: AppContext, auth: OrgAuth, q: TPageQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  const rows = await listRotas(ctx.db, auth.orgId, q.limit, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => ({ id: r.id, meetingTitle: r.meetingTitle, poolSize: r.poolPersonIds.length, createdAt: r.createdAt.toISOString() }));
}
