import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

export type ValueAuditAction = 'benefit.recorded' | 'benefit.deleted' | 'opportunity.created' | 'opportunity.updated' | 'opportunity.deleted';

/** Appends one audit entry inside the caller's transaction. */
export function recordValueAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: ValueAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
