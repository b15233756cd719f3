import { findCase, listCaseVersions } from '@tandem/db';
import type { TCaseResults, TCaseVersions } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';

/** The newest versions first, each with the numbers it had when it was saved. */
export async function listVersions(ctx: AppContext, auth: OrgAuth, id: string, limit: number): Promise<TCaseVersions> {
  if (!(await findCase(ctx.db, auth.orgId, id))) throw notFound('Case');
  const rows = await listCaseVersions(ctx.db, auth.orgId, id, limit);
  return {
    versions: rows.map((v) => ({ version: v.version, title: v.title, note: v.note, createdAt: v.createdAt.toISOString(), createdBy: v.createdBy, results: v.results as TCaseResults })),
  };
}
