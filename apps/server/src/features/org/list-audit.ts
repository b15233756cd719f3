import { listAudit } from '@tandem/db';
import type { TAuditList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { nameAuditTargets } from './name-audit-targets';

/** One page of the audit log, newest first, with the cursor of the next (older) page. */
export async function listOrgAudit(ctx: AppContext, auth: OrgAuth, limit: number, cursor?: string): Promise<TAuditList> {
  const after = cursor ? { at: new Date(cursor.slice(0, cursor.indexOf('~'))), id: cursor.slice(cursor.indexOf('~') + 1) } : undefined;
  // One row more than asked tells whether an older page exists.
  const rows = await listAudit(ctx.db, auth.orgId, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: await nameAuditTargets(ctx.db, auth.orgId, page.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null }))),
    nextCursor: rows.length > limit && last ? `${last.at.toISOString()}~${last.id}` : null,
  };
}
