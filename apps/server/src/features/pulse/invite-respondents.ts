import { findOrganisation, insertPulseInvitations, listOpenPulseInvitations, listUninvitedAudience, lockPulse, rotatePulseInvitationToken } from '@tandem/db';
import type { TPulseInvitations } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/crypto';
import { recordPulseAudit } from './audit';
import { openLockedPulse } from './change-pulse-status';
import { effectiveStatus } from './pulse.mapper';

/** 128 random bits, base64url: 22 characters. */
export const PULSE_TOKEN_BYTES = 16;

function respondUrl(ctx: AppContext, origin: string, token: string) {
  return `${ctx.config.publicUrl ?? origin}/respond/${token}`;
}

function mailText(org: string, title: string, url: string, closesAt: Date | null, reminder: boolean) {
  return (
    `${reminder ? 'A reminder: ' : ''}${org} asks for your view in the pulse "${title}".\n\n` +
    'It takes two minutes. Your answers are anonymous: no name, link or time is stored with them, and no result is shown for fewer people than the minimum group.\n\n' +
    `Your personal link (it works once${closesAt ? `, until ${closesAt.toISOString().slice(0, 10)}` : ''}):\n${url}\n`
  );
}

/**
 * Invites everyone in the audience who has no link yet (so calling it again invites newcomers
 * only). Inviting opens a draft pulse. Each person gets a single-use 128-bit token stored only as
 * its hash, with their segment attributes as of now. Links are mailed when SMTP is configured and
 * returned for copying only when they were not mailed.
 */
export async function inviteRespondents(ctx: AppContext, auth: OrgAuth, id: string, origin: string): Promise<TPulseInvitations> {
  const { pulse, created } = await ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const pulse = await openLockedPulse(ctx, tx, auth, p);
    const audience = await listUninvitedAudience(tx, auth.orgId, id, pulse.audience);
    const created = audience.map((person) => ({ person, token: randomToken(PULSE_TOKEN_BYTES) }));
    await insertPulseInvitations(
      tx,
      created.map(({ person, token }) => ({
        orgId: auth.orgId,
        pulseId: id,
        personId: person.id,
        tokenHash: sha256(token),
        side: person.side,
        level: person.level,
        department: person.department,
        location: person.location,
        createdAt: ctx.now(),
      })),
    );
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.invited', target: id, details: { invited: created.length, mailed: ctx.mailer !== null } });
    return { pulse, created };
  });
  const org = await findOrganisation(ctx.db, auth.orgId);
  let emailed = 0;
  const invitations: TPulseInvitations['invitations'] = [];
  for (const { person, token } of created) {
    const url = respondUrl(ctx, origin, token);
    if (ctx.mailer) {
      await ctx.mailer.send({ to: person.email, subject: `${org?.name ?? 'Tandem'}: ${pulse.title}`, text: mailText(org?.name ?? 'Your organisation', pulse.title, url, pulse.closesAt, false) });
      emailed++;
      invitations.push({ personId: person.id, name: person.name, email: person.email });
    } else {
      invitations.push({ personId: person.id, name: person.name, email: person.email, url, token });
    }
  }
  return { invitations, created: created.length, emailed };
}

/**
 * Mails a fresh link to everyone who has not answered. The answer says nothing about how many
 * that was: the count would be a live response count below k. Without SMTP there is no way to
 * remind people without showing the admin who has answered, so it is refused.
 */
export async function remindRespondents(ctx: AppContext, auth: OrgAuth, id: string, origin: string): Promise<void> {
  const mailer = ctx.mailer;
  const pending = await ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    if (effectiveStatus(p, ctx.now()) !== 'open') throw new AppError('conflict', 'Only an open pulse can send reminders');
    if (!mailer) throw new AppError('conflict', 'Reminders are sent by email: configure SMTP (SMTP_URL) to send them without revealing who has answered');
    const open = await listOpenPulseInvitations(tx, auth.orgId, id);
    const out: { email: string; url: string }[] = [];
    for (const inv of open) {
      const token = randomToken(PULSE_TOKEN_BYTES);
      if (await rotatePulseInvitationToken(tx, auth.orgId, inv.id, sha256(token))) out.push({ email: inv.email, url: respondUrl(ctx, origin, token) });
    }
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.reminded', target: id });
    return { pulse: p, out };
  });
  const org = await findOrganisation(ctx.db, auth.orgId);
  for (const r of pending.out) {
    await mailer!.send({ to: r.email, subject: `Reminder: ${pending.pulse.title}`, text: mailText(org?.name ?? 'Your organisation', pending.pulse.title, r.url, pending.pulse.closesAt, true) });
  }
}
