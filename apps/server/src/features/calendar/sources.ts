import type { Executor } from '@tandem/db';
import type { CalendarEvent } from '../../lib/ics';
import { crossoverCalendarEvents } from '../crossover';
import { eventsCalendarEvents } from '../events';
import { pulseCalendarEvents } from '../pulse';

/** A feature's events for one person from `since` on. */
export type CalendarSource = (x: Executor, orgId: string, personId: string, since: Date) => Promise<CalendarEvent[]>;

/**
 * Every feature that puts events into a person's calendar feed: adding one is one line here,
 * a function exported by that feature's index (decision 075).
 */
export const CALENDAR_SOURCES: readonly CalendarSource[] = [crossoverCalendarEvents, eventsCalendarEvents, pulseCalendarEvents];
