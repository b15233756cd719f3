/** The requests feature as the app and the demo see it. */
export { requestsRoutes } from './routes';
export { historyTransitions } from './manage-requests';
export { getAnalytics, leadTimeP85Ending } from './get-analytics';
export { ledger } from './deferred-needs';
