import {
  consumeInvitation,
  findInvitationByTokenHash,
  findMembership,
  findOrganisation,
  findUserByEmail,
  insertMembership,
  insertUser,
  linkPersonToUser,
  setInvitationAcceptedBy,
  type InvitationRow,
} from '@tandem/db';
import { ZPassword, type TAcceptInvitationRequest, type TInvitationPreview } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';
import { hashPassword, verifyPassword } from '../../lib/password';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';

/** Unknown, used, revoked and expired links all answer the same, so a link cannot be probed. */
async function openInvitation(ctx: AppContext, token: string): Promise<InvitationRow> {
  const inv = await findInvitationByTokenHash(ctx.db, sha256(token));
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= ctx.now()) {
    throw new AppError('not_found', 'This invitation link is not valid: it may have been used, revoked or expired');
  }
  return inv;
}

export async function previewInvitation(ctx: AppContext, token: string): Promise<TInvitationPreview> {
  const inv = await openInvitation(ctx, token);
  const org = await findOrganisation(ctx.db, inv.orgId);
  const existing = await findUserByEmail(ctx.db, inv.email);
  return { organisation: org?.name ?? '', email: inv.email, role: inv.role, expiresAt: inv.expiresAt.toISOString(), existingAccount: existing !== null };
}

/**
 * Accepts a link: creates the account (or, when the email already has one, checks its password),
 * adds the membership, links the directory entry with the same email, and signs the person in.
 * The link is consumed with a conditional update, so two concurrent accepts cannot both win.
 */
export async function acceptInvitation(ctx: AppContext, token: string, input: TAcceptInvitationRequest) {
  const inv = await openInvitation(ctx, token);
  const existing = await findUserByEmail(ctx.db, inv.email);
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError('unauthenticated', 'An account with this email already exists: enter its current password to join');
  }
  if (!existing) {
    const problems = [
      ...(input.name ? [] : [{ path: 'body.name', message: 'name is required for a new account' }]),
      ...(ZPassword.safeParse(input.password).success ? [] : [{ path: 'body.password', message: 'password must be at least 10 characters' }]),
    ];
    if (problems.length) throw new AppError('validation', `Invalid ${problems[0]!.path}: ${problems[0]!.message}`, problems);
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // Consume first: a concurrent accept of the same link waits on this row and then finds it used.
    if (!(await consumeInvitation(tx, inv.id, ctx.now()))) {
      throw new AppError('not_found', 'This invitation link is not valid: it may have been used, revoked or expired');
    }
    const user = existing ?? (await insertUser(tx, { email: inv.email, name: input.name!, passwordHash: passwordHash! }));
    await setInvitationAcceptedBy(tx, inv.id, user.id);
    if (!(await findMembership(tx, inv.orgId, user.id))) {
      await insertMembership(tx, { orgId: inv.orgId, userId: user.id, role: inv.role });
    }
    await linkPersonToUser(tx, inv.orgId, inv.email, user.id);
    await recordAudit(ctx, tx, { orgId: inv.orgId, actorUserId: user.id, action: 'invitation.accepted', target: inv.email, details: { role: inv.role } });
    return startSession(ctx, tx, user.id, inv.orgId);
  });
}
