/** The strategy feature's public face: its pages, for the app shell's router and navigation. */

/**
 * The strategy feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const strategyPages = {
  RoadmapPage: () => import('./pages/RoadmapPage'),
  HealthPage: () => import('./pages/HealthPage'),
  TimelinePage: () => import('./pages/TimelinePage'),
  LadderPage: () => import('./pages/LadderPage'),
  LensesPage: () => import('./pages/LensesPage'),
};
export { LadderRungsForm } from './components/LadderRungsForm';
export { RUNGS, RUNG_LABEL } from './labels';
/** For other features' pickers (events: an idea's goal or initiative) and for turning an idea into an initiative. */
export { useRoadmapQuery } from './api/get-roadmap';
export { prefetchHealthPage, prefetchStrategyPage } from './api/prefetch';
export { useCreateInitiative } from './api/save-initiative';
