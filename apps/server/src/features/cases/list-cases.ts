import { listCases } from '@tandem/db';
import type { TCaseList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { toSummary } from './cases.mapper';

/**
 * A page of cases (the paged-list contract) with the count of all that match. Cases sort on
 * figures that change with every saved version (ALE, NPV), so the cursor holds the position of the
 * next page rather than a key (decision 114).
 */
export async function listOrgCases(
  ctx: AppContext,
  auth: OrgAuth,
  q: { kind?: 'business' | 'security' | undefined; sort: 'updated' | 'title' | 'ale' | 'npv'; limit: number; cursor?: string | undefined },
): Promise<TCaseList> {
  const offset = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  const { rows, total } = await listCases(ctx.db, auth.orgId, { kind: q.kind, sort: q.sort, limit: q.limit + 1, offset });
  return { ...pageOf(rows, q.limit, () => [offset + q.limit], toSummary), total };
}
