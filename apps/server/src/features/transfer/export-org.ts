import { exportOrganisation } from '@tandem/db';
import type { OrgExport } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';

/** The current organisation as one document, read in one transaction so it is consistent. */
export async function exportOrg(ctx: AppContext, auth: OrgAuth): Promise<OrgExport> {
  const doc = await ctx.db.transaction((tx) => exportOrganisation(tx, auth.orgId, ctx.now()));
  if (!doc) throw notFound('Organisation');
  return doc as OrgExport;
}
