import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

export type RequestsAuditAction =
  | 'request.created'
  | 'request.updated'
  | 'request.deleted'
  | 'request.ladder_set'
  | 'request_flow.set'
  | 'requests.imported'
  | 'forecast.recorded'
  | 'reference_project.created'
  | 'reference_project.deleted'
  | 'deferred_need.created'
  | 'deferred_need.updated'
  | 'deferred_need.deferred'
  | 'deferred_need.undeferred'
  | 'deferred_need.deleted';

/** Appends one audit entry inside the caller's transaction. */
export function recordRequestsAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: RequestsAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
