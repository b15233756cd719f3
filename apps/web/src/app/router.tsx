import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  AcceptInvitationPage,
  AuditPage,
  LoginPage,
  meQueryOptions,
  OrganisationPage,
  PeoplePage,
  SetupPage,
  setupStatusQueryOptions,
} from '../features/org';
import { HealthPage, LadderPage, LensesPage, RoadmapPage, TimelinePage } from '../features/strategy';
import { PulsePage, PulsePrintPage, PulsesPage, RespondPage } from '../features/pulse';
import { DeferredNeedsPage, FlowPage, ForecastPage, RequestPage, RequestsPage } from '../features/requests';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQueryOptions());
    if (!status.setupRequired) throw redirect({ to: '/login' });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => (typeof s.redirect === 'string' ? { redirect: s.redirect } : {}),
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQueryOptions());
    if (status.setupRequired) throw redirect({ to: '/setup' });
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) throw redirect({ to: '/people' });
  },
  component: function LoginRoute() {
    const { redirect: to } = loginRoute.useSearch();
    return <LoginPage redirectTo={to} />;
  },
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function InviteRoute() {
    const { token } = inviteRoute.useParams();
    return <AcceptInvitationPage token={token} />;
  },
});

/** A survey link: public, no session, no app chrome (respondents are often not users). */
const respondRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/respond/$token',
  component: function RespondRoute() {
    const { token } = respondRoute.useParams();
    return <RespondPage token={token} />;
  },
});

/** Everything below needs a session: without one, first run goes to setup, otherwise to sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) return;
    const status = await context.queryClient.ensureQueryData(setupStatusQueryOptions());
    if (status.setupRequired) throw redirect({ to: '/setup' });
    const back = location.pathname === '/' || location.pathname === '/people' ? undefined : location.href;
    throw redirect({ to: '/login', search: back ? { redirect: back } : {} });
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/people' });
  },
});

const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: '/people', component: PeoplePage });
const organisationRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisation', component: OrganisationPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const roadmapRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap', component: RoadmapPage });
const roadmapHealthRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/health', component: HealthPage });
const roadmapTimelineRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/timeline', component: TimelinePage });
const roadmapLadderRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/ladder', component: LadderPage });
const roadmapLensesRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/lenses', component: LensesPage });
const requestsRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests', component: RequestsPage });
const requestsFlowRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/flow', component: FlowPage });
const forecastRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/forecast', component: ForecastPage });
const deferredNeedsRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/deferred-needs', component: DeferredNeedsPage });
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$id',
  component: function RequestRoute() {
    const { id } = requestRoute.useParams();
    return <RequestPage key={id} id={id} />;
  },
});
const pulsesRoute = createRoute({ getParentRoute: () => appRoute, path: '/pulses', component: PulsesPage });
const pulseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pulses/$id',
  component: function PulseRoute() {
    const { id } = pulseRoute.useParams();
    return <PulsePage key={id} id={id} />;
  },
});

/** The printable results sit outside the app layout: paper needs no navigation. */
const pulsePrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pulses/$id/print',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: function PulsePrintRoute() {
    const { id } = pulsePrintRoute.useParams();
    return <PulsePrintPage id={id} />;
  },
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  respondRoute,
  pulsePrintRoute,
  appRoute.addChildren([
    indexRoute,
    peopleRoute,
    organisationRoute,
    auditRoute,
    pulsesRoute,
    pulseRoute,
    requestsRoute,
    requestsFlowRoute,
    forecastRoute,
    deferredNeedsRoute,
    requestRoute,
    roadmapRoute,
    roadmapHealthRoute,
    roadmapTimelineRoute,
    roadmapLadderRoute,
    roadmapLensesRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: FullPageLoader,
    defaultErrorComponent: ({ error }) => <ErrorAlert error={error} />,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
