import {
  findOrganisation,
  findPersonInvitation,
  insertPulseInvitations,
  listOpenPulseInvitations,
  listUninvitedAudience,
  lockPulse,
  reissuePulseInvitation,
  rotatePulseInvitationToken,
  type PulseRow,
} from '@tandem/db';
import type { TIssueInvitationsRequest, TPulseInvitations } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/crypto';
import type { Mailer } from '../../lib/mailer';
import { recordPulseAudit } from './audit';
import { openLockedPulse } from './change-pulse-status';
import { effectiveStatus } from './pulse.mapper';

/** 128 random bits, base64url: 22 characters. */
export const PULSE_TOKEN_BYTES = 16;

function respondUrl(ctx: AppContext, origin: string, token: string) {
  return `${ctx.config.publicUrl ?? origin}/respond/${token}`;
}

const ANONYMOUS =
  'Your answers are anonymous: no name, link or time is stored with them, and no result is shown for fewer people than the minimum group.';

function mailText(org: string, title: string, url: string, closesAt: Date | null, reminder: boolean) {
  return (
    `${reminder ? 'A reminder: ' : ''}${org} asks for your view in the pulse "${title}".\n\n` +
    `It takes two minutes. ${ANONYMOUS}\n\n` +
    `Your personal link (it works once${closesAt ? `, until ${closesAt.toISOString().slice(0, 10)}` : ''}):\n${url}\n\n` +
    'If you have an account, you can also answer from "My pulses" in Tandem.\n'
  );
}

/** What a person who already answered gets instead of a new link: nothing the leader can tell apart. */
function alreadyInText(org: string, title: string) {
  return `${org} asked for a new link to the pulse "${title}" for you.\n\nYour answer is already in, so no new link is needed and nothing else is asked of you. ${ANONYMOUS}\n`;
}

/** Person links travel only by mail: anyone who holds them could answer in that person's name (decision 024). */
function requireMailer(ctx: AppContext, what: string): Mailer {
  if (!ctx.mailer) {
    throw new AppError(
      'mail_required',
      `${what} are delivered by e-mail, so that no one but the person ever holds their link. This instance has no mail set up (SMTP_URL). Issue unlinked links instead, or set up mail.`,
    );
  }
  return ctx.mailer;
}

/**
 * Issues links for a pulse (decision 024); issuing opens a draft.
 *
 * - With mail: everyone in the audience who has no link yet gets their own single-use link by mail
 *   (so calling it again invites newcomers only). The leader gets counts only.
 * - Without mail: refused with `mail_required`, unless the leader asks for `count` unlinked links.
 *   Those are tied to no person (the respondent states their segment) and are the only links a
 *   leader ever sees. The audience's members, who can sign in, are invited as well and answer from
 *   "My pulses"; no link of theirs leaves the server.
 *
 * Tokens are 128 random bits stored only as their hash; person links carry the person's segment as
 * of now.
 */
export async function inviteRespondents(ctx: AppContext, auth: OrgAuth, id: string, origin: string, body: TIssueInvitationsRequest): Promise<TPulseInvitations> {
  const unlinked = body?.unlinked === true ? body.count! : 0;
  const mailer = unlinked ? null : requireMailer(ctx, 'Personal survey links');
  return issueLinks(ctx, auth, id, origin, unlinked, mailer, unlinked > 0);
}

/**
 * Opens a repeating pulse on its date (decision 135), as issuing would: with mail every person of the
 * audience is mailed their own link; without mail only members are invited, and they answer from My
 * pulses. No link ever reaches anyone else, and no unlinked link is made by the schedule.
 */
export async function inviteOnSchedule(ctx: AppContext, orgId: string, id: string, origin: string): Promise<void> {
  await issueLinks(ctx, { orgId, userId: null }, id, origin, 0, ctx.mailer, ctx.mailer === null);
}

async function issueLinks(
  ctx: AppContext,
  auth: { orgId: string; userId: string | null },
  id: string,
  origin: string,
  unlinked: number,
  mailer: Mailer | null,
  membersOnly: boolean,
): Promise<TPulseInvitations> {
  const { pulse, created, links } = await ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const pulse = await openLockedPulse(ctx, tx, auth, p);
    // Without mail only members (who answer from their own page) get a person invitation.
    const audience = await listUninvitedAudience(tx, auth.orgId, id, pulse.audience, membersOnly);
    const created = audience.map((person) => ({ person, token: randomToken(PULSE_TOKEN_BYTES) }));
    const links = Array.from({ length: unlinked }, () => randomToken(PULSE_TOKEN_BYTES));
    const now = ctx.now();
    await insertPulseInvitations(tx, [
      ...created.map(({ person, token }) => ({
        orgId: auth.orgId,
        pulseId: id,
        personId: person.id,
        tokenHash: sha256(token),
        side: person.side,
        level: person.level,
        department: person.department,
        location: person.location,
        createdAt: now,
      })),
      ...links.map((token) => ({ orgId: auth.orgId, pulseId: id, personId: null, tokenHash: sha256(token), side: null, level: null, department: null, location: null, createdAt: now })),
    ]);
    await recordPulseAudit(ctx, tx, {
      orgId: auth.orgId,
      actorUserId: auth.userId,
      action: 'pulse.invited',
      target: id,
      details: unlinked ? { unlinked, members: created.length } : mailer ? { invited: created.length, mailed: created.length } : { members: created.length, scheduled: true },
    });
    return { pulse, created, links };
  });
  if (unlinked) return { links: links.map((token) => respondUrl(ctx, origin, token)) };
  const org = (await findOrganisation(ctx.db, auth.orgId))?.name ?? 'Your organisation';
  let mailed = 0;
  if (!mailer) return { issued: created.length, mailed };
  for (const { person, token } of created) {
    await mailer.send({ to: person.email, subject: `${org}: ${pulse.title}`, text: mailText(org, pulse.title, respondUrl(ctx, origin, token), pulse.closesAt, false) });
    mailed++;
  }
  return { issued: created.length, mailed };
}

/**
 * Re-issues one person's link by mail. An unused link gets a new token (the old one dies); a
 * person who already answered gets a note that their answer is in, and no link, so there is no
 * second vote. The leader gets the same answer and the same audit entry either way.
 */
export async function reissueInvitation(ctx: AppContext, auth: OrgAuth, id: string, personId: string, origin: string): Promise<void> {
  const mailer = requireMailer(ctx, 'Personal survey links');
  const out = await ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    if (effectiveStatus(p, ctx.now()) !== 'open') throw new AppError('conflict', 'Links can be re-issued only while the pulse is open');
    const inv = await findPersonInvitation(tx, auth.orgId, id, personId);
    if (!inv) throw notFound('Invitation');
    const token = randomToken(PULSE_TOKEN_BYTES);
    const r = await reissuePulseInvitation(tx, auth.orgId, inv.id, sha256(token), ctx.now());
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.reissued', target: id, details: { personId } });
    return { pulse: p, email: inv.email, url: r!.used ? null : respondUrl(ctx, origin, token) };
  });
  await deliver(ctx, mailer, out.pulse, out.email, out.url);
}

async function deliver(ctx: AppContext, mailer: Mailer, pulse: PulseRow, to: string, url: string | null) {
  const org = (await findOrganisation(ctx.db, pulse.orgId))?.name ?? 'Your organisation';
  await mailer.send({
    to,
    subject: `${org}: ${pulse.title}`,
    text: url ? mailText(org, pulse.title, url, pulse.closesAt, false) : alreadyInText(org, pulse.title),
  });
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
    if (!mailer) throw new AppError('mail_required', 'Reminders are sent by email: configure SMTP (SMTP_URL) to send them without revealing who has answered');
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
