import {
  consumeInvitation,
  deleteUserSessions,
  findInvitationByTokenHash,
  findMembership,
  findOrganisation,
  findUserByEmail,
  insertMembership,
  insertUser,
  linkPersonToUser,
  markEmailVerified,
  reclaimUser,
  setInvitationAcceptedBy,
  type InvitationRow,
} from '@tandem/db';
import type { TAcceptInvitationRequest, TInvitationPreview } from '@tandem/contracts';
import { endCachedSessions } from '../../lib/session-cache';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';
import { hashPassword, verifyPassword } from '../../lib/password';
import { assertPasswordPolicy } from '../../lib/password-policy';
import { recordAudit } from './record-audit';
import { startSession } from './start-session';

const INVALID = 'This invitation link is not valid: it may have been used, revoked or expired';

/** Unknown, used, revoked and expired links all answer the same, so a link cannot be probed. */
async function openInvitation(ctx: AppContext, token: string): Promise<InvitationRow> {
  const inv = await findInvitationByTokenHash(ctx.db, sha256(token));
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= ctx.now()) throw new AppError('not_found', INVALID);
  return inv;
}

/** Whom the link invites and where; never whether the address already has an account (decision 007). */
export async function previewInvitation(ctx: AppContext, token: string): Promise<TInvitationPreview> {
  const inv = await openInvitation(ctx, token);
  const org = await findOrganisation(ctx.db, inv.orgId);
  return { organisation: org?.name ?? '', email: inv.email, role: inv.role, expiresAt: inv.expiresAt.toISOString() };
}

function requireName(input: TAcceptInvitationRequest): string {
  if (!input.name) throw new AppError('validation', 'Invalid body.name: name is required for a new account', [{ path: 'body.name', message: 'name is required for a new account' }]);
  return input.name;
}

/**
 * Accepts a link and signs the person in (decision 007). A mailed link proves the mailbox; a link
 * the administrator held (no mail) proves nothing:
 * - no account yet: a mailed link makes a verified account, a held link an unverified one;
 * - a verified account: its current password is needed, whichever the link;
 * - an unverified account (made from a held link, nobody proved the address): a mailed link lets
 *   the mailbox holder join it with its password, or reclaim it with a new name and password
 *   (every session of it ends, so whoever set the old password is out); a held link
 *   is refused, so an account squatted by one organisation's administrator can never be joined
 *   through another organisation's invitation.
 * The link is consumed with a conditional update, so two concurrent accepts cannot both win.
 */
export async function acceptInvitation(ctx: AppContext, token: string, input: TAcceptInvitationRequest) {
  const inv = await openInvitation(ctx, token);
  const existing = await findUserByEmail(ctx.db, inv.email);
  let plan: { kind: 'create'; name: string; passwordHash: string } | { kind: 'join' } | { kind: 'reclaim'; name: string; passwordHash: string };
  if (existing?.emailVerifiedAt) {
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw new AppError('unauthenticated', 'Wrong password for the account of this address (if you have none, this address is in use: ask for a mailed invitation or use another address)');
    }
    plan = { kind: 'join' };
  } else if (existing && !inv.mailed) {
    // The account may be the one a concurrent accept of this very link just made: a used link is 404 first.
    await openInvitation(ctx, token);
    throw new AppError(
      'conflict',
      'This address must be confirmed by e-mail before it can join: ask the organisation to send the invitation by mail once mail is set up',
    );
  } else if (existing && (await verifyPassword(existing.passwordHash, input.password))) {
    // A mailed link for an unverified account whose password the invitee knows: they join it, and it becomes verified.
    plan = { kind: 'join' };
  } else {
    const name = requireName(input);
    assertPasswordPolicy('body.password', input.password, inv.email, name);
    plan = { kind: existing ? 'reclaim' : 'create', name, passwordHash: await hashPassword(input.password) };
  }
  let reclaimed: string | null = null;
  const started = await ctx.db.transaction(async (tx) => {
    // Consume first: a concurrent accept of the same link waits on this row and then finds it used.
    if (!(await consumeInvitation(tx, inv.id, ctx.now()))) throw new AppError('not_found', INVALID);
    let userId: string;
    if (plan.kind === 'create') {
      userId = (await insertUser(tx, { email: inv.email, name: plan.name, passwordHash: plan.passwordHash, emailVerifiedAt: inv.mailed ? ctx.now() : null })).id;
    } else if (plan.kind === 'reclaim') {
      userId = existing!.id;
      await reclaimUser(tx, userId, { name: plan.name, passwordHash: plan.passwordHash, at: ctx.now() });
      await deleteUserSessions(tx, userId);
      reclaimed = userId;
    } else {
      userId = existing!.id;
      if (inv.mailed) await markEmailVerified(tx, userId, ctx.now());
    }
    await setInvitationAcceptedBy(tx, inv.id, userId);
    if (!(await findMembership(tx, inv.orgId, userId))) {
      await insertMembership(tx, { orgId: inv.orgId, userId, role: inv.role });
    }
    await linkPersonToUser(tx, inv.orgId, inv.email, userId);
    await recordAudit(ctx, tx, {
      orgId: inv.orgId,
      actorUserId: userId,
      action: 'invitation.accepted',
      target: inv.email,
      details: { role: inv.role, emailProved: inv.mailed },
    });
    return startSession(ctx, tx, userId, inv.orgId);
  });
  // A reclaimed account's old sessions ended: on every instance.
  if (reclaimed) await endCachedSessions(ctx, { userId: reclaimed });
  return started;
}
