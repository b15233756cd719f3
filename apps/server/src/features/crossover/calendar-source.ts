import { bookingsOf, coffeeMeetingsOf, findPerson, peopleOfOrg, roundMembers, sitInsOf, type Executor } from '@tandem/db';
import type { CalendarEvent } from '../../lib/ics';
import { bookingEvent } from './open-hour-event';
import { coffeeEvent } from './coffee-event';
import { sitInEvent } from './sit-in-event';

/**
 * The crossover events of one person for their calendar feed: coffee groups, open-hour bookings
 * (as booker or leader) and sit-ins, from `since` on. The calendar feature gathers sources like
 * this one from each feature's index.
 */
export async function crossoverCalendarEvents(x: Executor, orgId: string, personId: string, since: Date): Promise<CalendarEvent[]> {
  const events: CalendarEvent[] = [];
  for (const m of await coffeeMeetingsOf(x, orgId, personId, since)) {
    const members = await roundMembers(x, orgId, m.roundId, m.groupIndex);
    events.push(coffeeEvent({ name: m.programmeName, timeZone: m.timeZone, inPerson: false }, { id: m.roundId, proposedStart: m.proposedStart }, m.groupIndex, members.map((r) => ({ name: r.name, email: r.email }))));
  }
  for (const b of await bookingsOf(x, orgId, personId, since)) {
    const [leader, booker] = await Promise.all([findPerson(x, orgId, b.openHour.leaderId), findPerson(x, orgId, b.booking.personId)]);
    if (leader && booker) events.push(bookingEvent(b.openHour, b.booking, leader, booker));
  }
  const sitIns = await sitInsOf(x, orgId, personId, since.toISOString().slice(0, 10));
  const [me] = await peopleOfOrg(x, orgId, [personId]);
  if (me) for (const s of sitIns) events.push(sitInEvent(s.rota, s.date, me));
  return events;
}
