/** The strategy feature as the app and other features see it. */
export { strategyRoutes } from './routes';
export { checkIds, checkPeople } from './check-links';
export { checkRoadmapHealth, healthHistory } from './check-roadmap-health';
