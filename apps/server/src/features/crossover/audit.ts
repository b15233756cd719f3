import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

export type CrossoverAuditAction =
  | 'coffee_programme.created'
  | 'coffee_programme.participants_set'
  | 'coffee_programme.opted_in'
  | 'coffee_programme.opted_out'
  | 'coffee_round.created'
  | 'open_hour.created'
  | 'open_hour.booked'
  | 'open_hour.booking_cancelled'
  | 'open_mic.topic_discussed'
  | 'sit_in.created'
  | 'sit_in.declined';

/** Appends one audit entry inside the caller's transaction. */
export function recordCrossoverAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: CrossoverAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
