import type { OpenHourBookingRow, OpenHourRow } from '@tandem/db';
import type { CalendarEvent } from '../../lib/ics';

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "Thursdays 15:00–16:00 (Europe/Berlin), 15-minute slots" */
export function describeOpenHour(h: Pick<OpenHourRow, 'weekday' | 'start' | 'end' | 'slotMinutes' | 'timeZone'>): string {
  return `${WEEKDAYS[h.weekday - 1]} ${h.start}–${h.end} (${h.timeZone}), ${h.slotMinutes}-minute slots`;
}

/** The calendar event of one booking, for the booker and the leader alike. */
export function bookingEvent(h: OpenHourRow, b: OpenHourBookingRow, leader: { name: string; email: string }, booker: { name: string; email: string }): CalendarEvent {
  return {
    uid: `open-hour-${b.id}@tandem`,
    start: b.slotStart,
    end: b.slotEnd,
    timeZone: h.timeZone,
    summary: `Open hour: ${booker.name} with ${leader.name}`,
    description: `Topic: ${b.topic}`,
    location: h.location,
    organizer: { name: leader.name, email: leader.email },
    attendees: [{ name: booker.name, email: booker.email }],
  };
}
