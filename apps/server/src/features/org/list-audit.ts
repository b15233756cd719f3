import { listAudit } from '@tandem/db';
import type { TAuditEntry } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';

export async function listOrgAudit(ctx: AppContext, auth: OrgAuth, limit: number, before?: string): Promise<TAuditEntry[]> {
  const rows = await listAudit(ctx.db, auth.orgId, limit, before ? new Date(before) : undefined);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null }));
}
