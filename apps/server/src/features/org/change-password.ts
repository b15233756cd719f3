import { deleteUserSessions, findUserById, updateUserPassword } from '@tandem/db';
import type { TChangePasswordRequest } from '@tandem/contracts';
import type { AppContext, Auth } from '../../context';
import { AppError } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/password';
import { assertPasswordPolicy } from '../../lib/password-policy';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';
import { endCachedSessions } from '../../lib/session-cache';

/** Changes the password, ends every session of the user, and starts a new one for this browser. */
export async function changePassword(ctx: AppContext, auth: Auth, input: TChangePasswordRequest) {
  const user = await findUserById(ctx.db, auth.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('bad_request', 'The current password is wrong', [{ path: 'body.currentPassword', message: 'wrong password' }]);
  }
  assertPasswordPolicy('body.newPassword', input.newPassword, user.email, user.name);
  const passwordHash = await hashPassword(input.newPassword);
  const started = await ctx.db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    if (auth.orgId) await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: user.id, action: 'password.changed', target: user.email });
    return startSession(ctx, tx, user.id, auth.orgId);
  });
  await endCachedSessions(ctx, { userId: user.id });
  return started;
}
