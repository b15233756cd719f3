import { claimInstance, findUserByEmail, insertMembership, insertOrganisation, insertUser, isSetUp } from '@tandem/db';
import type { TSetupRequest } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import { assertPasswordPolicy } from '../../lib/password-policy';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';

export function getSetupStatus(ctx: AppContext) {
  return isSetUp(ctx.db).then((done) => ({ setupRequired: !done }));
}

/**
 * First run: creates the organisation and its owner, then closes setup for good. The instance
 * row is claimed inside the transaction, so of two concurrent requests exactly one succeeds.
 */
export async function setUpInstance(ctx: AppContext, input: TSetupRequest) {
  if (await isSetUp(ctx.db)) throw new AppError('conflict', 'Tandem is already set up; sign in instead');
  assertPasswordPolicy('body.owner.password', input.owner.password, input.owner.email, input.owner.name);
  const passwordHash = await hashPassword(input.owner.password);
  return ctx.db.transaction(async (tx) => {
    if (!(await claimInstance(tx))) throw new AppError('conflict', 'Tandem is already set up; sign in instead');
    if (await findUserByEmail(tx, input.owner.email)) throw new AppError('conflict', 'An account with this email exists');
    const org = await insertOrganisation(tx, input.organisation);
    const user = await insertUser(tx, { email: input.owner.email, name: input.owner.name, passwordHash });
    await insertMembership(tx, { orgId: org.id, userId: user.id, role: 'owner' });
    await recordAudit(ctx, tx, { orgId: org.id, actorUserId: user.id, action: 'setup.completed', target: org.name });
    const session = await startSession(ctx, tx, user.id, org.id);
    return { org, user, session };
  });
}
