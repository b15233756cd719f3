/** The integrations feature's public face: its settings page and the login page's SSO button. */

/**
 * The integrations feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const integrationsPages = {
  IntegrationsPage: () => import('./pages/IntegrationsPage'),
};
export { CompanySignIn } from './pages/CompanySignIn';
