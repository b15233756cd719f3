/** The insights feature (the leadership one-screen and its weekly digest) as the app sees it. */
export { insightsRoutes } from './routes';
export { getInsights } from './get-insights';
