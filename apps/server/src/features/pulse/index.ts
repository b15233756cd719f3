/** The pulse feature as the app sees it. */
export { pulseRoutes } from './routes';
export { getPulseResults, getPulseTrend } from './get-results';

/** What a pulse publishes (every number under its anonymity rules), for features that build on it (events' gap correlation). */
export { computeResults } from './get-results';
export { effectiveStatus } from './pulse.mapper';

/** Pulse deadlines for the calendar feed (never whether the person answered). */
export { pulseCalendarEvents } from './calendar-source';
