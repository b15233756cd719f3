/** The health feature as the app sees it. */
export { healthRoutes } from './routes';
