import type { CoffeeProgrammeRow, CoffeeRoundRow } from '@tandem/db';
import { TANDEM_ORGANIZER, type CalendarEvent } from '../../lib/ics';

const COFFEE_MINUTES = 30;

/** The calendar event of one coffee group: the same UID in the mail, the download and the feed. */
export function coffeeEvent(p: Pick<CoffeeProgrammeRow, 'name' | 'timeZone' | 'inPerson'>, round: Pick<CoffeeRoundRow, 'id' | 'proposedStart'>, index: number, members: { name: string; email: string }[]): CalendarEvent {
  return {
    uid: `coffee-${round.id}-${index}@tandem`,
    start: round.proposedStart,
    end: new Date(round.proposedStart.getTime() + COFFEE_MINUTES * 60_000),
    timeZone: p.timeZone,
    summary: `Coffee: ${members.map((m) => m.name).join(' × ')}`,
    description: `${p.name}. A proposed time: move it to suit you.`,
    location: p.inPerson ? 'In person' : 'Video call',
    organizer: TANDEM_ORGANIZER,
    attendees: members.map((m) => ({ name: m.name, email: m.email })),
  };
}
