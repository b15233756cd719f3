/** The events feature's public face: its pages, for the app shell's router and navigation. */

/**
 * The events feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const eventsPages = {
  HackweeksPage: () => import('./pages/HackweeksPage'),
  HackweekPage: () => import('./pages/HackweekPage'),
  DemosPage: () => import('./pages/DemosPage'),
  DemoPage: () => import('./pages/DemoPage'),
  CheckInPage: () => import('./pages/CheckInPage'),
  RoundtablesPage: () => import('./pages/RoundtablesPage'),
  RoundtablePage: () => import('./pages/RoundtablePage'),
  ParticipationPage: () => import('./pages/ParticipationPage'),
};
