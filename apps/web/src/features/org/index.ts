/** The org feature's public face: what the app shell and other features may use. */
export { orgKeys } from './api/keys';
export { meQueryOptions, useCurrentMe, useMe } from './api/get-me';
export { setupStatusQueryOptions } from './api/get-setup-status';
export { hasRole } from './roles';
export { usePeople } from './api/get-people';
export { OrgSwitcher } from './components/OrgSwitcher';
export { UserMenu } from './components/UserMenu';
export { SetupPage } from './pages/SetupPage';
export { LoginPage } from './pages/LoginPage';
export { AcceptInvitationPage } from './pages/AcceptInvitationPage';
export { ForgotPasswordPage } from './pages/ForgotPasswordPage';
export { ResetPasswordPage } from './pages/ResetPasswordPage';
export { PeoplePage } from './pages/PeoplePage';
export { OrganisationPage } from './pages/OrganisationPage';
export { AuditPage } from './pages/AuditPage';
