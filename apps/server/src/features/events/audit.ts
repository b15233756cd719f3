import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

export type EventsAuditAction =
  | 'hackweek.created'
  | 'hackweek.phase_set'
  | 'hackweek.idea_outcome_set'
  | 'hackweek.demo_slot_set'
  | 'demo.created'
  | 'roundtable.created'
  | 'roundtable.updated'
  | 'roundtable.action_created'
  | 'roundtable.action_done';

/** Appends one audit entry inside the caller's transaction. */
export function recordEventsAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: EventsAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
