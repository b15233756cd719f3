import { zonedToUtc } from '@tandem/core';
import { demosOfPerson, peopleOfOrg, roundtablesOfPerson, type Executor } from '@tandem/db';
import { TANDEM_ORGANIZER, type CalendarEvent } from '../../lib/ics';

/**
 * The events feature's part of a person's calendar feed (decision 126): the sprint demos they are
 * invited to (not the ones they declined) and their round-tables (whole days). The UIDs are the
 * ones the demo invitation mail uses (`demo-<id>@tandem`), so a calendar that got the invitation
 * and subscribes to the feed shows one event, and a moved demo moves in place.
 */
export async function eventsCalendarEvents(x: Executor, orgId: string, personId: string, since: Date): Promise<CalendarEvent[]> {
  const [demos, roundtables, [me]] = await Promise.all([
    demosOfPerson(x, orgId, personId, since),
    roundtablesOfPerson(x, orgId, personId, since.toISOString().slice(0, 10)),
    peopleOfOrg(x, orgId, [personId]),
  ]);
  const attendees = me ? [{ name: me.name, email: me.email }] : [];
  return [
    ...demos.map(
      (d): CalendarEvent => ({
        uid: `demo-${d.id}@tandem`,
        start: d.startsAt,
        end: new Date(d.startsAt.getTime() + d.durationMinutes * 60_000),
        timeZone: 'UTC',
        summary: `Sprint demo: ${d.title}`,
        description: d.team ? `Team ${d.team} shows what it built. Check in at the session and say whether you saw value in it.` : 'Check in at the session and say whether you saw value in it.',
        organizer: TANDEM_ORGANIZER,
        attendees,
      }),
    ),
    ...roundtables.map(
      (r): CalendarEvent => ({
        uid: `roundtable-${r.id}@tandem`,
        start: zonedToUtc(r.date, '00:00', 'UTC'),
        end: zonedToUtc(r.date, '23:59', 'UTC'),
        timeZone: 'UTC',
        allDay: true,
        summary: `Round-table: ${r.title}`,
        organizer: TANDEM_ORGANIZER,
        attendees,
      }),
    ),
  ];
}
