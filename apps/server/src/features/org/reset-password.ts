import {
  consumePasswordReset,
  deleteUserPasswordResets,
  deleteUserSessions,
  findPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  listUserOrganisations,
  purgeExpiredPasswordResets,
  reclaimUser,
} from '@tandem/db';
import type { TPasswordResetConfirm, TPasswordResetRequest, TPasswordResetRequested } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/crypto';
import { hashPassword } from '../../lib/password';
import { assertPasswordPolicy } from '../../lib/password-policy';
import { startSession } from './start-session';
import { endCachedSessions } from '../../lib/session-cache';

/** The one answer to every reset request, byte for byte, whether or not the address has an account. */
export const RESET_REQUESTED: TPasswordResetRequested = {
  message: 'If an account uses this address, a link to choose a new password has been sent to it. The link works once, for 30 minutes.',
};

/**
 * Mails a single-use reset link when the address has an account and mail is set up; otherwise
 * does nothing. The caller answers 202 RESET_REQUESTED either way. The mail is sent after the
 * answer would be ready (not awaited), so the answer time does not depend on the SMTP server.
 */
export async function requestPasswordReset(ctx: AppContext, input: TPasswordResetRequest, resetUrl: (token: string) => string, onMailError: (err: unknown) => void) {
  await purgeExpiredPasswordResets(ctx.db, ctx.now());
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user || !ctx.mailer) return RESET_REQUESTED;
  const token = randomToken(32);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.passwordResetMinutes * 60_000);
  await insertPasswordReset(ctx.db, { userId: user.id, tokenHash: sha256(token), expiresAt });
  const url = resetUrl(token);
  ctx.mailer
    .send({
      to: user.email,
      subject: 'Choose a new Tandem password',
      text:
        `Someone (hopefully you) asked to choose a new password for the Tandem account of ${user.email}.\n\n` +
        `Open this link within ${ctx.config.passwordResetMinutes} minutes to choose it; it works once:\n${url}\n\n` +
        `If you did not ask, ignore this mail: your password stays as it is.\n`,
    })
    .catch(onMailError);
  return RESET_REQUESTED;
}

const INVALID = 'This password reset link is not valid: it may have been used or expired; ask for a new one';

/**
 * Sets the new password from a mailed link. The link proves the mailbox, so the account counts as
 * verified afterwards (decision 007). Every session of the account ends, every other reset link is
 * void, and the browser that reset is signed in with a new session.
 */
export async function confirmPasswordReset(ctx: AppContext, input: TPasswordResetConfirm) {
  const reset = await findPasswordReset(ctx.db, sha256(input.token));
  if (!reset || reset.usedAt || reset.expiresAt <= ctx.now()) throw new AppError('not_found', INVALID);
  const user = await findUserById(ctx.db, reset.userId);
  if (!user) throw new AppError('not_found', INVALID);
  assertPasswordPolicy('body.password', input.password, user.email, user.name);
  const passwordHash = await hashPassword(input.password);
  const orgs = await listUserOrganisations(ctx.db, user.id);
  const started = await ctx.db.transaction(async (tx) => {
    if (!(await consumePasswordReset(tx, reset.id, ctx.now()))) throw new AppError('not_found', INVALID);
    await reclaimUser(tx, user.id, { name: user.name, passwordHash, at: ctx.now() });
    await deleteUserSessions(tx, user.id);
    await deleteUserPasswordResets(tx, user.id);
    return startSession(ctx, tx, user.id, orgs[0]?.id ?? null);
  });
  await endCachedSessions(ctx, { userId: user.id });
  return started;
}
