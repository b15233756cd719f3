/** The events feature (hackweeks, sprint demos, round-tables, participation) as the app and the demo see it. */
export { eventsRoutes } from './routes';
export { PARTICIPATION_SOURCES } from './participation-sources';
export type { ParticipationSource } from './participation-sources';
export { getParticipation, publishedGapsOfLatestPulse } from './participation';
export { eventsCalendarEvents } from './calendar-source';
