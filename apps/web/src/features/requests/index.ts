/** The requests feature's public face: its pages, for the app shell's router and navigation. */

/**
 * The requests feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const requestsPages = {
  RequestsPage: () => import('./pages/RequestsPage'),
  RequestPage: () => import('./pages/RequestPage'),
  FlowPage: () => import('./pages/FlowPage'),
  ForecastPage: () => import('./pages/ForecastPage'),
  DeferredNeedsPage: () => import('./pages/DeferredNeedsPage'),
  RequestStatusesPage: () => import('./pages/RequestStatusesPage'),
};
/** For other features' pickers (events: the request an idea became). */
export { useRequests } from './api/requests';
