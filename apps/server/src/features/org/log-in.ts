import { deleteSession, findUserByEmail, listUserOrganisations } from '@tandem/db';
import type { TLoginRequest } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { dummyHash, verifyPassword } from '../../lib/password';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';

/**
 * Verifies the password and starts a new session (the id always changes at sign-in; an old
 * session presented with the request is ended). Unknown email and wrong password give the same
 * answer in about the same time.
 */
export async function logIn(ctx: AppContext, input: TLoginRequest, previousSessionId: string | null) {
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    if (user) {
      const orgs = await listUserOrganisations(ctx.db, user.id);
      await ctx.db.transaction(async (tx) => {
        for (const o of orgs) await recordAudit(ctx, tx, { orgId: o.id, actorUserId: null, action: 'login.failed', target: user.email });
      });
    }
    throw new AppError('unauthenticated', 'Wrong email or password');
  }
  const orgs = await listUserOrganisations(ctx.db, user.id);
  const current = orgs[0]?.id ?? null;
  return ctx.db.transaction(async (tx) => {
    if (previousSessionId) await deleteSession(tx, previousSessionId);
    for (const o of orgs) await recordAudit(ctx, tx, { orgId: o.id, actorUserId: user.id, action: 'login.succeeded', target: user.email });
    return startSession(ctx, tx, user.id, current);
  });
}
