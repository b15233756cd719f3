import {
  allDemos,
  checkInToDemo,
  existingLinkIds,
  findDemo,
  findInviteeByToken,
  insertDemo,
  insertDemoInvitees,
  insertDemoItems,
  listDemoInvitees,
  listDemoItems,
  listDemos,
  requestersOfDemoItems,
  updateInvitee,
  type DemoRow,
} from '@tandem/db';
import type { TCreateDemoRequest, TDemo, TDemoFeedbackRequest, TDemoList, TDemoStats, TPageQuery } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken, safeEqual } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { hasRole } from '../../plugins/auth';
import { actingPerson, badField, checkCursorKey, checkPeopleIds } from './acting-person';
import { recordEventsAudit } from './audit';
import { demoInvitationIcs, organizerOf } from './demo-invitation';

/** Check-in opens this long before the start and closes this long after the end (decision 085). */
export const CHECK_IN_EARLY_MINUTES = 15;
export const CHECK_IN_LATE_MINUTES = 120;

const startOf = (date: string) => new Date(date.length === 10 ? `${date}T10:00:00.000Z` : date);

export async function createDemo(ctx: AppContext, auth: OrgAuth, v: TCreateDemoRequest, origin: string): Promise<{ id: string; invited: number; mailed: number }> {
  const created = await ctx.db.transaction(async (tx) => {
    for (const type of ['initiative', 'enabler', 'request'] as const) {
      const ids = v.itemRefs.filter((r) => r.type === type).map((r) => r.id);
      const found = await existingLinkIds(tx, auth.orgId, type, ids);
      const missing = ids.find((id) => !found.has(id));
      if (missing) throw badField('itemRefs', `no such ${type} "${missing}" in this organisation`);
    }
    const invitees = await checkPeopleIds(tx, auth.orgId, 'inviteePersonIds', v.inviteePersonIds);
    const demo = await insertDemo(tx, auth.orgId, {
      title: v.title,
      team: v.team ?? '',
      startsAt: startOf(v.date),
      durationMinutes: v.durationMinutes ?? 60,
      checkInToken: randomToken(16),
      createdAt: ctx.now(),
    });
    const seen = new Set<string>();
    await insertDemoItems(
      tx,
      auth.orgId,
      v.itemRefs.filter((r) => !seen.has(`${r.type}:${r.id}`) && seen.add(`${r.type}:${r.id}`)).map((r, position) => ({ demoId: demo.id, type: r.type, refId: r.id, position })),
    );
    const tokens = invitees.map((p) => ({ demoId: demo.id, personId: p.id, rsvpToken: randomToken(16) }));
    await insertDemoInvitees(tx, auth.orgId, tokens);
    await recordEventsAudit(ctx, tx, auth, 'demo.created', demo.id, { invitees: tokens.length, items: v.itemRefs.length });
    return { demo, tokens };
  });
  const mailed = await mailInvitations(ctx, auth.orgId, created.demo, origin);
  return { id: created.demo.id, invited: created.tokens.length, mailed };
}

/** Mails each invitee the invitation with its .ics (METHOD:REQUEST) and one-click RSVP links; without SMTP nobody is mailed. */
async function mailInvitations(ctx: AppContext, orgId: string, demo: DemoRow, origin: string): Promise<number> {
  const mailer = ctx.mailer;
  if (!mailer) return 0;
  const invitees = await listDemoInvitees(ctx.db, orgId, [demo.id]);
  const organizer = organizerOf(ctx.config.mailFrom);
  let sent = 0;
  for (const i of invitees) {
    const rsvp = (answer: string) => `${origin}/api/v1/demos/rsvp?token=${i.rsvpToken}&answer=${answer}`;
    const ics = demoInvitationIcs({ demoId: demo.id, title: demo.title, startsAt: demo.startsAt, durationMinutes: demo.durationMinutes, stamp: ctx.now(), organizer, attendee: { name: i.name, email: i.email }, url: rsvp('accepted') });
    await mailer.send({
      to: i.email,
      subject: `Sprint demo: ${demo.title}`,
      text: [
        `Hello ${i.name},`,
        '',
        `You are invited to the sprint demo "${demo.title}" on ${demo.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${demo.durationMinutes} minutes).`,
        'See what was built and tell the team whether you saw value in it.',
        '',
        `I will come: ${rsvp('accepted')}`,
        `Maybe: ${rsvp('tentative')}`,
        `I cannot come: ${rsvp('declined')}`,
      ].join('\n'),
      ics: { filename: 'invite.ics', content: ics },
    });
    sent++;
  }
  return sent;
}

/** The one-click answer from the invitation mail: the token names the invitee, no session needed. */
export async function rsvp(ctx: AppContext, token: string, answer: 'accepted' | 'declined' | 'tentative'): Promise<{ title: string; answer: string }> {
  const inv = await findInviteeByToken(ctx.db, token);
  if (!inv) throw notFound('Invitation');
  const demo = await findDemo(ctx.db, inv.orgId, inv.demoId);
  if (!demo) throw notFound('Invitation');
  await updateInvitee(ctx.db, inv.orgId, inv.demoId, inv.personId, { rsvp: answer });
  return { title: demo.title, answer };
}

function checkWindow(ctx: AppContext, d: DemoRow): void {
  const now = ctx.now().getTime();
  const opens = d.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000;
  const closes = d.startsAt.getTime() + (d.durationMinutes + CHECK_IN_LATE_MINUTES) * 60_000;
  if (now < opens) throw new AppError('validation', `Check-in opens ${CHECK_IN_EARLY_MINUTES} minutes before the demo starts (${d.startsAt.toISOString()})`, [{ path: 'startsAt', message: 'not started' }]);
  if (now > closes) throw new AppError('validation', `Check-in closed ${CHECK_IN_LATE_MINUTES} minutes after the demo ended`, [{ path: 'startsAt', message: 'long over' }]);
}

/**
 * Attendance: leaders record anyone; a member checks in as their own person with the token the
 * screen's QR code or link carries, so that the check-in says they were in the room.
 */
export async function checkIn(ctx: AppContext, auth: OrgAuth, id: string, personId: string, token: string | undefined): Promise<{ ok: true; alreadyIn: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const d = await findDemo(tx, auth.orgId, id);
    if (!d) throw notFound('Demo');
    await actingPerson(tx, auth, personId);
    if (!hasRole(auth.role, 'leader') && !(token && safeEqual(token, d.checkInToken))) throw new AppError('forbidden', 'Check in with the link or QR code shown at the session');
    checkWindow(ctx, d);
    const added = await checkInToDemo(tx, auth.orgId, id, personId, ctx.now(), randomToken(16));
    return { ok: true as const, alreadyIn: !added };
  });
}

export async function demoFeedback(ctx: AppContext, auth: OrgAuth, id: string, v: TDemoFeedbackRequest): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const d = await findDemo(tx, auth.orgId, id);
    if (!d) throw notFound('Demo');
    await actingPerson(tx, auth, v.personId);
    const [me] = (await listDemoInvitees(tx, auth.orgId, [id])).filter((i) => i.personId === v.personId);
    if (!me?.checkedInAt) throw badField('personId', 'only people who checked in give feedback');
    await updateInvitee(tx, auth.orgId, id, v.personId, { sawValue: v.sawValue });
    return { ok: true as const };
  });
}

export async function getDemo(ctx: AppContext, auth: OrgAuth, id: string): Promise<TDemo> {
  const d = await findDemo(ctx.db, auth.orgId, id);
  if (!d) throw notFound('Demo');
  const [items, invitees] = await Promise.all([listDemoItems(ctx.db, auth.orgId, [id]), listDemoInvitees(ctx.db, auth.orgId, [id])]);
  return {
    id: d.id,
    title: d.title,
    team: d.team,
    startsAt: d.startsAt.toISOString(),
    durationMinutes: d.durationMinutes,
    items: items.map((i) => ({ type: i.type, id: i.refId })),
    invitees: invitees.map((i) => ({ personId: i.personId, name: i.name, side: i.side, invited: i.invited, rsvp: i.rsvp, checkedIn: i.checkedInAt !== null, sawValue: i.sawValue })),
    checkInPath: hasRole(auth.role, 'leader') ? `/demos/${d.id}/check-in/${d.checkInToken}` : null,
  };
}

export async function listOrgDemos(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<TDemoList> {
  const after = q.cursor ? checkCursorKey(decodeCursor(q.cursor, ['string', 'string']) as [string, string], 'instant') : undefined;
  const rows = await listDemos(ctx.db, auth.orgId, q.limit + 1, after);
  return pageOf(
    rows,
    q.limit,
    (d) => [d.startsAt.toISOString(), d.id],
    (d) => ({ id: d.id, title: d.title, team: d.team, startsAt: d.startsAt.toISOString(), durationMinutes: d.durationMinutes }),
  );
}

/** Attendance by side per demo, oldest first, and whether the requesters of the requests shown were there. */
export async function demoStats(ctx: AppContext, auth: OrgAuth): Promise<TDemoStats> {
  const demos = await allDemos(ctx.db, auth.orgId);
  const ids = demos.map((d) => d.id);
  const [invitees, requesters] = await Promise.all([listDemoInvitees(ctx.db, auth.orgId, ids), requestersOfDemoItems(ctx.db, auth.orgId, ids)]);
  return {
    demos: demos.map((d) => {
      const present = invitees.filter((i) => i.demoId === d.id && i.checkedInAt !== null);
      const presentIds = new Set(present.map((i) => i.personId));
      const wanted = new Set(requesters.filter((r) => r.demoId === d.id).map((r) => r.requesterId));
      const business = present.filter((i) => i.side === 'business').length;
      return {
        id: d.id,
        title: d.title,
        startsAt: d.startsAt.toISOString(),
        attendees: present.length,
        businessShare: present.length ? business / present.length : null,
        requestersPresent: [...wanted].filter((p) => presentIds.has(p)).length,
        requesters: wanted.size,
      };
    }),
  };
}
