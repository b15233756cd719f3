/** The crossover feature as the app, the calendar feed and the demo see it. */
export { crossoverRoutes } from './routes';
export { crossoverCalendarEvents } from './calendar-source';

