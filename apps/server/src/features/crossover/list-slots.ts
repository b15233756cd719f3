import type { TSlot } from '@tandem/contracts';
import { bookingsBetween, findPersonOfUser } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { mustFindOpenHour } from './create-open-hour';
import { addDays, localDay, slotsOnDay } from '@tandem/core';

const MAX_DAYS = 92;

/**
 * The slots of an open hour between `from` and `to` (default: the next four weeks), each with
 * whether it is booked. Who booked and the topic are shown to the leader, to the booker and to
 * leaders/admins; other members see only that the slot is taken. One page: the range bounds it.
 */
export async function listSlots(ctx: AppContext, auth: OrgAuth, id: string, q: { from?: string | undefined; to?: string | undefined }) {
  const h = await mustFindOpenHour(ctx, auth.orgId, id);
  const from = q.from ? new Date(q.from) : ctx.now();
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 28 * 86_400_000);
  if (to <= from) throw new AppError('validation', 'to must be after from', [{ path: 'querystring.to' }]);
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new AppError('validation', `to must be at most ${MAX_DAYS} days after from`, [{ path: 'querystring.to' }]);
  const me = await findPersonOfUser(ctx.db, auth.orgId, auth.userId);
  const bookings = await bookingsBetween(ctx.db, auth.orgId, id, from, to);
  const byStart = new Map(bookings.map((b) => [b.booking.slotStart.getTime(), b]));
  const seeAll = hasRole(auth.role, 'leader') || me?.id === h.leaderId;
  const items: TSlot[] = [];
  for (let day = addDays(localDay(from, h.timeZone), -1); day <= addDays(localDay(to, h.timeZone), 1); day = addDays(day, 1)) {
    for (const s of slotsOnDay(h, day)) {
      if (s.start < from || s.start >= to) continue;
      const b = byStart.get(s.start.getTime());
      const visible = b && (seeAll || b.booking.personId === me?.id);
      items.push({
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        booked: !!b,
        bookingId: visible ? b.booking.id : null,
        bookedBy: visible ? { personId: b.booking.personId, name: b.name, topic: b.booking.topic } : null,
      });
    }
  }
  return { items, nextCursor: null };
}
