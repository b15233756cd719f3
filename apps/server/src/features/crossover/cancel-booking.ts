import { cancelBooking, findBooking, findPerson, findPersonOfUser } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { recordCrossoverAudit } from './audit';
import { mustFindOpenHour } from './create-open-hour';
import { calendarText } from '../../lib/ics';
import { bookingEvent } from './open-hour-event';

/** Cancels a booking (the booker, the leader, or leaders/admins); the slot is free again and both get METHOD:CANCEL. */
export async function cancelOpenHourBooking(ctx: AppContext, auth: OrgAuth, openHourId: string, bookingId: string) {
  const h = await mustFindOpenHour(ctx, auth.orgId, openHourId);
  const b = await findBooking(ctx.db, auth.orgId, openHourId, bookingId);
  if (!b || b.cancelledAt) throw notFound('Booking');
  const me = await findPersonOfUser(ctx.db, auth.orgId, auth.userId);
  if (!hasRole(auth.role, 'leader') && me?.id !== b.personId && me?.id !== h.leaderId) throw new AppError('forbidden', 'Only the booker or the leader may cancel this booking');
  const now = ctx.now();
  const cancelled = await ctx.db.transaction(async (tx) => {
    const row = await cancelBooking(tx, auth.orgId, bookingId, now);
    if (!row) throw notFound('Booking');
    await recordCrossoverAudit(ctx, tx, auth, 'open_hour.booking_cancelled', bookingId, { openHourId });
    return row;
  });
  if (ctx.mailer) {
    const [leader, booker] = await Promise.all([findPerson(ctx.db, auth.orgId, h.leaderId), findPerson(ctx.db, auth.orgId, b.personId)]);
    if (leader && booker) {
      const ics = calendarText([bookingEvent(h, cancelled, leader, booker)], 'CANCEL', now);
      for (const to of [booker, leader]) {
        try {
          await ctx.mailer.send({
            to: to.email,
            subject: `Cancelled: open hour of ${booker.name} with ${leader.name}`,
            text: `The open-hour booking at ${b.slotStart.toISOString().replace('T', ' ').slice(0, 16)} UTC is cancelled; the slot is free again.`,
            attachments: [{ filename: 'cancel.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' }],
          });
        } catch {
          // The cancellation stands even when a mail fails.
        }
      }
    }
  }
  return { ok: true as const };
}
