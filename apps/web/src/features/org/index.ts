/** The org feature's public face: what the app shell and other features may use. */

/**
 * The org feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const orgPages = {
  PeoplePage: () => import('./pages/PeoplePage'),
  OrganisationPage: () => import('./pages/OrganisationPage'),
  AuditPage: () => import('./pages/AuditPage'),
};
export { orgKeys } from './api/keys';
export { meQueryOptions, useCurrentMe, useMe } from './api/get-me';
export { setupStatusQueryOptions } from './api/get-setup-status';
export { hasRole } from './roles';
export { peopleQueryOptions, usePeople } from './api/get-people';
export { prefetchPeoplePage } from './api/prefetch';
export { OrgSwitcher } from './components/OrgSwitcher';
export { UserMenu } from './components/UserMenu';
export { SetupPage } from './pages/SetupPage';
export { LoginPage } from './pages/LoginPage';
export { AcceptInvitationPage } from './pages/AcceptInvitationPage';
export { ForgotPasswordPage } from './pages/ForgotPasswordPage';
export { ResetPasswordPage } from './pages/ResetPasswordPage';
