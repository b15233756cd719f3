import type { TCreateBookingRequest } from '@tandem/contracts';
import { findPerson, insertBooking } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { actingPerson } from './access';
import { recordCrossoverAudit } from './audit';
import { mustFindOpenHour } from './create-open-hour';
import { calendarText } from '../../lib/ics';
import { bookingEvent, describeOpenHour } from './open-hour-event';
import { localDay, slotsOnDay } from '@tandem/core';

/**
 * Books one slot. The slot must be one the open hour publishes and lie in the future. A slot is
 * booked at most once: the insert meets a partial unique index on (open hour, slot start) among
 * live bookings, so of many simultaneous presses exactly one inserts and the rest answer 409
 * (decision 073). Both the booker and the leader get the invitation.
 */
export async function bookSlot(ctx: AppContext, auth: OrgAuth, openHourId: string, input: TCreateBookingRequest) {
  const h = await mustFindOpenHour(ctx, auth.orgId, openHourId);
  const start = new Date(input.slotStart);
  const now = ctx.now();
  if (start.getTime() <= now.getTime()) throw new AppError('validation', `slotStart "${input.slotStart}" is in the past`, [{ path: 'body.slotStart' }]);
  const slot = slotsOnDay(h, localDay(start, h.timeZone)).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new AppError('validation', `slotStart "${input.slotStart}" is outside the published hours (${describeOpenHour(h)})`, [{ path: 'body.slotStart' }]);
  const made = await ctx.db.transaction(async (tx) => {
    const person = await actingPerson(tx, auth, input.personId);
    const booking = await insertBooking(tx, auth.orgId, { openHourId, slotStart: slot.start, slotEnd: slot.end, personId: person.id, topic: input.topic });
    if (!booking) throw new AppError('conflict', 'This slot was just booked by someone else; please pick another slot');
    await recordCrossoverAudit(ctx, tx, auth, 'open_hour.booked', booking.id, { openHourId, slotStart: slot.start.toISOString(), personId: person.id });
    return { booking, person };
  });
  if (ctx.mailer) {
    const leader = await findPerson(ctx.db, auth.orgId, h.leaderId);
    if (leader) {
      const ics = calendarText([bookingEvent(h, made.booking, leader, made.person)], 'REQUEST', now);
      for (const to of [made.person, leader]) {
        try {
          await ctx.mailer.send({
            to: to.email,
            subject: `Open hour booked: ${made.person.name} with ${leader.name}`,
            text: `${made.person.name} booked ${leader.name}'s open hour at ${slot.start.toISOString().replace('T', ' ').slice(0, 16)} UTC.\nTopic: ${input.topic}\n\nThe invitation is attached.`,
            attachments: [{ filename: 'open-hour.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }],
          });
        } catch {
          // The booking stands even when a mail fails; it is in both calendars' feeds.
        }
      }
    }
  }
  return { id: made.booking.id };
}
