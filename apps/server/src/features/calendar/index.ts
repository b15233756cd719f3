/** The calendar feature: the per-person feed that gathers every feature's events. */
export { calendarRoutes } from './routes';
export type { CalendarSource } from './sources';
