import type { TCase, TCaseResults } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { toCase } from './cases.mapper';
import { loadCase, loadLinks } from './load-case';

export async function getCase(ctx: AppContext, auth: OrgAuth, id: string): Promise<TCase> {
  const { row, version } = await loadCase(ctx.db, auth.orgId, id);
  return toCase(row, version, await loadLinks(ctx.db, auth.orgId, row));
}

/** The results of the current version, as computed when it was saved (no write, no recomputation). */
export async function getCaseResults(ctx: AppContext, auth: OrgAuth, id: string): Promise<TCaseResults> {
  const { version } = await loadCase(ctx.db, auth.orgId, id);
  return version.results as TCaseResults;
}
