import { findCase, listCaseVersions } from '@tandem/db';
import type { TCaseResults, TCaseVersions } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf, type PageQuery } from '../../lib/paging';

/** The newest versions first, each with the numbers it had when it was saved; the cursor is the last version number. */
export async function listVersions(ctx: AppContext, auth: OrgAuth, id: string, q: PageQuery): Promise<TCaseVersions> {
  const before = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : null;
  if (before !== null && !Number.isSafeInteger(before)) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  if (!(await findCase(ctx.db, auth.orgId, id))) throw notFound('Case');
  const rows = await listCaseVersions(ctx.db, auth.orgId, id, q.limit + 1, before);
  return pageOf(rows, q.limit, (v) => [v.version], (v) => ({
    version: v.version,
    title: v.title,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    results: v.results as TCaseResults,
  }));
}
