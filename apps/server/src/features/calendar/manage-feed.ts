import { deleteCalendarFeed, findPersonOfUser, upsertCalendarFeed } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';

async function myPerson(ctx: AppContext, auth: OrgAuth) {
  const me = await findPersonOfUser(ctx.db, auth.orgId, auth.userId);
  if (!me) throw new AppError('validation', 'Your account is not linked to a person of this organisation, so it has no calendar');
  return me;
}

/**
 * Creates or rotates the caller's calendar feed: a new secret token replaces any earlier one
 * (the old URL stops working at once). Only the token's SHA-256 is stored, so the URL is shown
 * this once.
 */
export async function createCalendarFeed(ctx: AppContext, auth: OrgAuth, origin: string) {
  const me = await myPerson(ctx, auth);
  const token = randomToken();
  await upsertCalendarFeed(ctx.db, auth.orgId, me.id, sha256(token), ctx.now());
  return { url: `${origin}/api/v1/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(ctx: AppContext, auth: OrgAuth) {
  const me = await myPerson(ctx, auth);
  if (!(await deleteCalendarFeed(ctx.db, auth.orgId, me.id))) throw notFound('Calendar feed');
  return { ok: true as const };
}
