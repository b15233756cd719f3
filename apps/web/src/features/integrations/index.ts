/** The integrations feature's public face: its settings page and the login page's SSO button. */
export { IntegrationsPage } from './pages/IntegrationsPage';
export { CompanySignIn } from './pages/CompanySignIn';
