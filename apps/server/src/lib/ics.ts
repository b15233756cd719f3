import { localDateTime, vtimezone } from '@tandem/core';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One calendar event as the crossover feature (and the calendar feed) describes it. */
export interface CalendarEvent {
  /** Stable across re-sends, so a calendar updates or cancels the same event. */
  uid: string;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  cancelled?: boolean;
  /** A whole day (sit-ins: the meeting's time is the leaders' own); `start` is that day at 00:00 UTC. */
  allDay?: boolean;
}

/**
 * An RFC 5545 calendar: UID, DTSTAMP, DTSTART/DTEND with TZID, ORGANIZER, ATTENDEE, and
 * METHOD:REQUEST for invitations, CANCEL for cancellations, PUBLISH (no method) for feeds.
 */
export function calendarText(events: readonly CalendarEvent[], method: 'REQUEST' | 'CANCEL' | 'PUBLISH', now: Date, name = 'Tandem'): string {
  const cal = ical({ name, prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' } });
  cal.method(method === 'REQUEST' ? ICalCalendarMethod.REQUEST : method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      // Local wall-clock strings: ical-generator writes a Date in UTC even next to a TZID.
      start: e.allDay ? e.start.toISOString().slice(0, 10) : localDateTime(e.start, e.timeZone),
      end: e.allDay ? null : localDateTime(e.end, e.timeZone),
      allDay: e.allDay ?? false,
      timezone: e.allDay ? null : e.timeZone,
      stamp: now,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      organizer: { name: e.organizer.name, email: e.organizer.email },
      status: e.cancelled || method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: e.cancelled || method === 'CANCEL' ? 1 : 0,
      attendees: e.attendees.map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true })),
    });
  }
  const text = cal.toString();
  // Each TZID used gets its VTIMEZONE, placed before the first event (RFC 5545 §3.6.5).
  const zones = [...new Set(events.filter((e) => !e.allDay).map((e) => e.timeZone))];
  if (!zones.length) return text;
  const years = events.map((e) => e.start.getUTCFullYear());
  const blocks = zones.map((z) => vtimezone(z, Math.min(...years) - 1, Math.max(...years) + 1)).join('\r\n');
  return text.replace('BEGIN:VEVENT', `${blocks}\r\nBEGIN:VEVENT`);
}

/** The address a Tandem-organised event comes from when no person organises it. */
export const TANDEM_ORGANIZER = { name: 'Tandem', email: 'no-reply@tandem.invalid' };
