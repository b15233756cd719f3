/** The requests feature's public face: its pages, for the app shell's router and navigation. */
export { RequestsPage } from './pages/RequestsPage';
export { RequestPage } from './pages/RequestPage';
export { FlowPage } from './pages/FlowPage';
export { ForecastPage } from './pages/ForecastPage';
export { DeferredNeedsPage } from './pages/DeferredNeedsPage';
export { RequestStatusesPage } from './pages/RequestStatusesPage';
/** For other features' pickers (events: the request an idea became). */
export { useRequests } from './api/requests';
