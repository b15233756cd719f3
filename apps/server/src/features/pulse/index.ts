/** The pulse feature as the app sees it. */
export { pulseRoutes } from './routes';
export { getPulseResults, getPulseTrend } from './get-results';
