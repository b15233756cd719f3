/** The pulse feature's public face: its pages, for the app shell's router and navigation. */

/**
 * The pulse feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const pulsePages = {
  PulsesPage: () => import('./pages/PulsesPage'),
  PulsePage: () => import('./pages/PulsePage'),
  PulsePrintPage: () => import('./pages/PulsePrintPage'),
  RespondPage: () => import('./pages/RespondPage'),
  MyPulsesPage: () => import('./pages/MyPulsesPage'),
};
export { prefetchPulsePage, prefetchPulsesPage } from './api/prefetch';
