import { findOrganisation, insertInvitation } from '@tandem/db';
import type { TInvitationCreated, TInvitationRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { hasRole } from '../../plugins/auth';
import { AppError } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/crypto';
import { recordAudit } from './record-audit';

/**
 * A single-use, expiring link; only the hash of the token is stored. With mail set up the link is
 * mailed inside the transaction (a failed send leaves no invitation) and never returned, so the
 * administrator never holds it and accepting it proves the mailbox (decision 007). Without mail
 * it is returned for handing over. Admins cannot hand out a role above their own.
 */
export async function createInvitation(
  ctx: AppContext,
  auth: OrgAuth,
  input: TInvitationRequest,
  origin: string,
): Promise<TInvitationCreated> {
  if (!hasRole(auth.role, input.role)) throw new AppError('forbidden', 'You cannot invite someone to a role above your own');
  const token = randomToken(32);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.invitationDays * 86_400_000);
  const url = `${ctx.config.publicUrl ?? origin}/invite/${token}`;
  const org = await findOrganisation(ctx.db, auth.orgId);
  const mailer = ctx.mailer;
  const row = await ctx.db.transaction(async (tx) => {
    const inv = await insertInvitation(tx, {
      orgId: auth.orgId,
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: auth.userId,
      expiresAt,
      mailed: mailer !== null,
    });
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'invitation.created', target: input.email, details: { role: input.role, mailed: mailer !== null } });
    if (mailer) {
      await mailer.send({
        to: input.email,
        subject: `You are invited to ${org?.name ?? 'an organisation'} on Tandem`,
        text:
          `You have been invited to join ${org?.name ?? 'an organisation'} on Tandem as ${input.role}.\n\n` +
          `Open this link to join (it works once and expires on ${expiresAt.toISOString().slice(0, 10)}):\n${url}\n`,
      });
    }
    return inv;
  });
  const emailed = mailer !== null;
  return { id: row.id, url: emailed ? null : url, token: emailed ? null : token, expiresAt: expiresAt.toISOString(), emailed };
}
