import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext } from '../../context';

export type AuditAction =
  | 'setup.completed'
  | 'org.created'
  | 'login.succeeded'
  | 'logout'
  | 'password.changed'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'invitation.revoked'
  | 'member.role_changed'
  | 'member.removed'
  | 'person.created'
  | 'person.updated'
  | 'people.imported'
  | 'people.exported';

/** Appends one audit entry (who, what, organisation, when) inside the caller's transaction. */
export function recordAudit(
  ctx: AppContext,
  x: Executor,
  e: { orgId: string; actorUserId: string | null; action: AuditAction; target?: string | null; details?: Record<string, unknown> },
) {
  return insertAudit(x, { ...e, at: ctx.now() });
}
