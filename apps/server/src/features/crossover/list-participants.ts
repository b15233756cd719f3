import type { TPageQuery } from '@tandem/contracts';
import { findProgramme, listParticipants } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';

export async function listProgrammeParticipants(ctx: AppContext, auth: OrgAuth, programmeId: string, q: TPageQuery) {
  if (!(await findProgramme(ctx.db, auth.orgId, programmeId))) throw notFound('Programme');
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  const rows = await listParticipants(ctx.db, auth.orgId, programmeId, q.limit, after ? { name: after[0] as string, id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.name, r.personId]);
}
