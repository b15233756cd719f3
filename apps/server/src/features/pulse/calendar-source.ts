import { pulseDeadlinesOf, type Executor } from '@tandem/db';
import { TANDEM_ORGANIZER, type CalendarEvent } from '../../lib/ics';

/** How long before its deadline the reminder block of a pulse starts. */
const BLOCK_MINUTES = 15;

/**
 * The pulse deadlines of a person's calendar feed (decision 126): one short event ending when each
 * pulse of their audience closes. It is the same for someone who answered and someone who did
 * not (the query never reads whether an invitation was used), so the feed reveals no answer.
 */
export async function pulseCalendarEvents(x: Executor, orgId: string, personId: string, since: Date): Promise<CalendarEvent[]> {
  return (await pulseDeadlinesOf(x, orgId, personId, since)).map((p) => ({
    uid: `pulse-deadline-${p.id}@tandem`,
    start: new Date(p.deadline.getTime() - BLOCK_MINUTES * 60_000),
    end: p.deadline,
    timeZone: 'UTC',
    summary: `Pulse closes: ${p.title}`,
    description: 'The pulse closes at the end of this slot. Answers are anonymous; answer from “My pulses” in Tandem or your invitation link.',
    organizer: TANDEM_ORGANIZER,
    attendees: [],
  }));
}
