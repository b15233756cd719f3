import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

export type CasesAuditAction = 'case.created' | 'case.updated' | 'case.deleted' | 'case.exported';

/** Appends one audit entry for a case inside the caller's transaction. */
export function recordCaseAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: CasesAuditAction, target: string, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target, details: details ?? null, at: ctx.now() });
}
