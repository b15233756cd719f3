import { deleteCase } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { recordCaseAudit } from './audit';

/** Deletes a case with all its versions. */
export async function removeCase(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteCase(tx, auth.orgId, id))) throw notFound('Case');
    await recordCaseAudit(ctx, tx, auth, 'case.deleted', id);
  });
}
