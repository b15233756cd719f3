import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext } from '../../context';

export type PulseAuditAction =
  | 'pulse.created'
  | 'pulse.updated'
  | 'pulse.opened'
  | 'pulse.closed'
  | 'pulse.published'
  | 'pulse.invited'
  | 'pulse.reminded'
  | 'pulse.reissued'
  | 'pulse.exported'
  | 'pulse.deleted'
  | 'pulse.archived'
  | 'pulse.restored'
  | 'pulse.repeated'
  | 'pulse.action_created'
  | 'pulse.action_updated'
  | 'pulse.action_deleted';

/**
 * Appends one audit entry for a pulse action inside the caller's transaction. Respondent actions
 * are never audited: an entry would tie a time to a response.
 */
export function recordPulseAudit(
  ctx: AppContext,
  x: Executor,
  e: { orgId: string; actorUserId: string | null; action: PulseAuditAction; target?: string | null; details?: Record<string, unknown> },
) {
  return insertAudit(x, { ...e, at: ctx.now() });
}
