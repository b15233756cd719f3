import type { TPageQuery } from '@tandem/contracts';
import { countParticipants, findProgramme, listProgrammes } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { toProgramme } from './crossover.mapper';

export async function listOrgProgrammes(ctx: AppContext, auth: OrgAuth, q: TPageQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  const rows = await listProgrammes(ctx.db, auth.orgId, q.limit, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.programme.createdAt.toISOString(), r.programme.id], (r) => toProgramme(r.programme, Number(r.participants)));
}

export async function getProgramme(ctx: AppContext, auth: OrgAuth, id: string) {
  const p = await findProgramme(ctx.db, auth.orgId, id);
  if (!p) throw notFound('Programme');
  return toProgramme(p, await countParticipants(ctx.db, id));
}
