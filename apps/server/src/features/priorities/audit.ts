import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

/** The priorities feature's part of the audit action union. Scores are not audited one by one. */
export type PrioritiesAuditAction =
  | 'priorities.round_created'
  | 'priorities.round_items_added'
  | 'priorities.round_item_tagged'
  | 'priorities.round_opened'
  | 'priorities.round_closed'
  | 'priorities.round_dates_changed'
  | 'priorities.scores_entered_for'
  | 'priorities.disagreement_updated'
  | 'priorities.portfolio_set'
  | 'priorities.scenario_created';

/** Who acts: a signed-in caller, or the calendar (userId null: the scheduled job, decision 146). */
export type PrioritiesActor = Pick<OrgAuth, 'orgId'> & { userId: string | null };

/** Appends one audit entry inside the caller's transaction. */
export function recordPrioritiesAudit(ctx: AppContext, x: Executor, auth: PrioritiesActor, action: PrioritiesAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
