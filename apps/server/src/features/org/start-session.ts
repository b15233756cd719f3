import { insertSession, type Executor } from '@tandem/db';
import type { AppContext } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';

/**
 * Creates a fresh session (a new id at every sign-in) and returns the cookie values. It ends after
 * `sessionIdleMinutes` without use, and at the latest `sessionDays` after sign-in (decision 008).
 */
export async function startSession(ctx: AppContext, x: Executor, userId: string, currentOrgId: string | null) {
  const token = randomToken(32);
  const csrf = randomToken(24);
  const now = ctx.now().getTime();
  const absoluteExpiresAt = new Date(now + ctx.config.sessionDays * 86_400_000);
  const expiresAt = new Date(Math.min(now + ctx.config.sessionIdleMinutes * 60_000, absoluteExpiresAt.getTime()));
  await insertSession(x, { id: sha256(token), userId, currentOrgId, csrfToken: csrf, expiresAt, absoluteExpiresAt });
  return { token, csrf, userId, orgId: currentOrgId };
}
