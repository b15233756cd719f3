/** The cases feature's public face: its pages, for the app shell's router and navigation. */

/**
 * The cases feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const casesPages = {
  CasesPage: () => import('./pages/CasesPage'),
  CasePage: () => import('./pages/CasePage'),
  NewCasePage: () => import('./pages/NewCasePage'),
  RegisterPage: () => import('./pages/RegisterPage'),
};
