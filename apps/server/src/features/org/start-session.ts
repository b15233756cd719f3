import { insertSession, type Executor } from '@tandem/db';
import type { AppContext } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';

/** Creates a fresh session (a new id at every sign-in) and returns the cookie values. */
export async function startSession(ctx: AppContext, x: Executor, userId: string, currentOrgId: string | null) {
  const token = randomToken(32);
  const csrf = randomToken(24);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionDays * 86_400_000);
  await insertSession(x, { id: sha256(token), userId, currentOrgId, csrfToken: csrf, expiresAt });
  return { token, csrf, userId, orgId: currentOrgId };
}
