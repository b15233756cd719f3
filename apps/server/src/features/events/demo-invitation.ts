import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';

export interface InvitationInput {
  demoId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  stamp: Date;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  url: string;
}

/**
 * The .ics of a demo invitation (RFC 5545, METHOD:REQUEST): one event whose UID is stable per demo,
 * so a calendar updates rather than duplicates it, with the invitee as attendee asked to RSVP.
 */
export function demoInvitationIcs(v: InvitationInput): string {
  const cal = ical({ name: v.title, method: ICalCalendarMethod.REQUEST, prodId: { company: 'Tandem', product: 'events', language: 'EN' } });
  cal.createEvent({
    id: `demo-${v.demoId}@tandem`,
    stamp: v.stamp,
    start: v.startsAt,
    end: new Date(v.startsAt.getTime() + v.durationMinutes * 60_000),
    summary: v.title,
    description: `Sprint demo. Answer from your calendar or here: ${v.url}`,
    url: v.url,
    organizer: v.organizer,
    attendees: [{ name: v.attendee.name, email: v.attendee.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }],
  });
  return cal.toString();
}

/** The organizer address of the invitations: the mail sender (`Name <address>` or a bare address). */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom);
  return m ? { name: m[1] || 'Tandem', email: m[2]! } : { name: 'Tandem', email: mailFrom.trim() };
}
