import type { SitInRotaRow } from '@tandem/db';
import { TANDEM_ORGANIZER, type CalendarEvent } from '../../lib/ics';
import { zonedToUtc } from '@tandem/core';

type Rota = Pick<SitInRotaRow, 'id' | 'meetingTitle' | 'startTime' | 'durationMinutes' | 'timeZone' | 'location'>;

/**
 * The calendar event of one sit-in: the same UID (`sit-in-{rota}-{date}@tandem`) in the mail, its
 * cancellation and the calendar feed, so a calendar moves or removes the one entry. With a meeting
 * time it is a timed event in the rota's time zone (TZID plus VTIMEZONE, as the coffee mails);
 * without one an all-day entry (decision 076).
 */
export function sitInEvent(rota: Rota, date: string, person: { name: string; email: string }): CalendarEvent {
  const timed = rota.startTime !== null;
  const start = zonedToUtc(date, rota.startTime ?? '00:00', timed ? rota.timeZone : 'UTC');
  return {
    uid: `sit-in-${rota.id}-${date}@tandem`,
    start,
    end: timed ? new Date(start.getTime() + rota.durationMinutes * 60_000) : zonedToUtc(date, '23:59', 'UTC'),
    timeZone: timed ? rota.timeZone : 'UTC',
    ...(timed ? {} : { allDay: true }),
    summary: `Sit in: ${rota.meetingTitle}`,
    description: 'You sit in on this leadership meeting. Afterwards, note in Tandem (Cross-over, Sit-ins) what you learned.',
    location: rota.location,
    organizer: TANDEM_ORGANIZER,
    attendees: [{ name: person.name, email: person.email }],
  };
}
