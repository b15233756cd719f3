import { insertAudit, type Executor } from '@tandem/db';
import type { AppContext } from '../../context';

export type IntegrationAuditAction =
  | 'token.created'
  | 'token.revoked'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.disabled'
  | 'webhook.enabled'
  | 'webhook.deleted'
  | 'sso.configured'
  | 'sso.signed_in'
  | 'sso.provisioned';

/** Appends one audit entry for an integration change inside the caller's transaction; never a secret. */
export function recordIntegrationAudit(
  ctx: AppContext,
  x: Executor,
  e: { orgId: string; actorUserId: string | null; action: IntegrationAuditAction; target?: string | null; details?: Record<string, unknown> },
) {
  return insertAudit(x, { ...e, at: ctx.now() });
}
