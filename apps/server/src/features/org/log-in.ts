import { deleteSession, findUserByEmail, listUserOrganisations, passwordSignInBlocked, purgeExpiredSessions } from '@tandem/db';
import type { TLoginRequest } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { dummyHash, verifyPassword } from '../../lib/password';
import { endCachedSessions } from '../../lib/session-cache';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';

/**
 * Verifies the password and starts a new session (the id always changes at sign-in; an old
 * session presented with the request is ended). Unknown e-mail and wrong password do the same work
 * (one lookup, one argon2 verify against a real or a dummy hash of the same parameters, no write),
 * so neither the answer nor its time tells whether the address has an account
 * (bench/org/login-timing.bench.ts measures it). Failed sign-ins are written to no organisation's
 * audit log (decision 008): the per-IP and per-account limits count them.
 * Each sign-in first purges expired sessions: a plain DELETE, safe when several instances run it.
 */
export async function logIn(ctx: AppContext, input: TLoginRequest, previousSessionId: string | null) {
  await purgeExpiredSessions(ctx.db, ctx.now());
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) throw new AppError('unauthenticated', 'Wrong email or password');
  // Told only to someone who knows the password: members of an organisation that requires single sign-on (decision 123).
  if (await passwordSignInBlocked(ctx.db, user.id)) throw new AppError('forbidden', 'Your organisation requires signing in with your company account (single sign-on)');
  const orgs = await listUserOrganisations(ctx.db, user.id);
  const current = orgs[0]?.id ?? null;
  const started = await ctx.db.transaction(async (tx) => {
    if (previousSessionId) await deleteSession(tx, previousSessionId);
    // Only the organisation the session starts in records it: a person's sign-ins are not every organisation's business.
    if (current) await recordAudit(ctx, tx, { orgId: current, actorUserId: user.id, action: 'login.succeeded', target: user.email });
    return startSession(ctx, tx, user.id, current);
  });
  if (previousSessionId) await endCachedSessions(ctx, { sessionId: previousSessionId });
  return started;
}
