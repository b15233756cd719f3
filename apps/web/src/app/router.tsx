import type { ReactElement } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import { CompanySignIn, integrationsPages } from '../features/integrations';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  LoginPage,
  meQueryOptions,
  orgPages,
  prefetchPeoplePage,
  ResetPasswordPage,
  SetupPage,
  setupStatusQueryOptions,
} from '../features/org';
import { prefetchHealthPage, prefetchStrategyPage, strategyPages } from '../features/strategy';
import { prefetchPulsePage, prefetchPulsesPage, pulsePages } from '../features/pulse';
import { casesPages } from '../features/cases';
import { prioritiesPages } from '../features/priorities';
import { requestsPages } from '../features/requests';
import { insightsPages } from '../features/insights';
import { valuePages } from '../features/value';
import { crossoverPages } from '../features/crossover';
import { eventsPages } from '../features/events';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

/**
 * Pages load on first use (decision 153): the first script holds the shell, the layout, sign-in and
 * the providers; each page's code (and what only it uses, such as the charts) is its own chunk. The
 * router awaits a route component's `preload` together with the route's loader, so a page's code
 * and its data (the loaders below start it) travel in parallel.
 */
const page = lazyRouteComponent;
/** A route component that passes params to a lazy page, keeping the page's preload for the router. */
const withPage = (p: { preload?: () => Promise<void> | undefined }, component: () => ReactElement) => Object.assign(component, { preload: p.preload });

const PeoplePage = page(orgPages.PeoplePage, 'PeoplePage');
const OrganisationPage = page(orgPages.OrganisationPage, 'OrganisationPage');
const AuditPage = page(orgPages.AuditPage, 'AuditPage');
const IntegrationsPage = page(integrationsPages.IntegrationsPage, 'IntegrationsPage');
const RoadmapPage = page(strategyPages.RoadmapPage, 'RoadmapPage');
const HealthPage = page(strategyPages.HealthPage, 'HealthPage');
const TimelinePage = page(strategyPages.TimelinePage, 'TimelinePage');
const LadderPage = page(strategyPages.LadderPage, 'LadderPage');
const LensesPage = page(strategyPages.LensesPage, 'LensesPage');
const PulsesPage = page(pulsePages.PulsesPage, 'PulsesPage');
const PulsePage = page(pulsePages.PulsePage, 'PulsePage');
const PulsePrintPage = page(pulsePages.PulsePrintPage, 'PulsePrintPage');
const RespondPage = page(pulsePages.RespondPage, 'RespondPage');
const MyPulsesPage = page(pulsePages.MyPulsesPage, 'MyPulsesPage');
const CasesPage = page(casesPages.CasesPage, 'CasesPage');
const CasePage = page(casesPages.CasePage, 'CasePage');
const NewCasePage = page(casesPages.NewCasePage, 'NewCasePage');
const RegisterPage = page(casesPages.RegisterPage, 'RegisterPage');
const PrioritiesPage = page(prioritiesPages.PrioritiesPage, 'PrioritiesPage');
const RoundPage = page(prioritiesPages.RoundPage, 'RoundPage');
const RequestsPage = page(requestsPages.RequestsPage, 'RequestsPage');
const RequestPage = page(requestsPages.RequestPage, 'RequestPage');
const FlowPage = page(requestsPages.FlowPage, 'FlowPage');
const ForecastPage = page(requestsPages.ForecastPage, 'ForecastPage');
const DeferredNeedsPage = page(requestsPages.DeferredNeedsPage, 'DeferredNeedsPage');
const RequestStatusesPage = page(requestsPages.RequestStatusesPage, 'RequestStatusesPage');
const InsightsPage = page(insightsPages.InsightsPage, 'InsightsPage');
const UnsubscribePage = page(insightsPages.UnsubscribePage, 'UnsubscribePage');
const ValuePage = page(valuePages.ValuePage, 'ValuePage');
const CrossoverPage = page(crossoverPages.CrossoverPage, 'CrossoverPage');
const MetPage = page(crossoverPages.MetPage, 'MetPage');
const OptOutPage = page(crossoverPages.OptOutPage, 'OptOutPage');
const HackweeksPage = page(eventsPages.HackweeksPage, 'HackweeksPage');
const HackweekPage = page(eventsPages.HackweekPage, 'HackweekPage');
const DemosPage = page(eventsPages.DemosPage, 'DemosPage');
const DemoPage = page(eventsPages.DemoPage, 'DemoPage');
const CheckInPage = page(eventsPages.CheckInPage, 'CheckInPage');
const RoundtablesPage = page(eventsPages.RoundtablesPage, 'RoundtablesPage');
const RoundtablePage = page(eventsPages.RoundtablePage, 'RoundtablePage');
const ParticipationPage = page(eventsPages.ParticipationPage, 'ParticipationPage');

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
    return <LoginPage redirectTo={to} companySignIn={<CompanySignIn />} />;
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
const forgotPasswordRoute = createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage });

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: function ResetPasswordRoute() {
    // The token is in the fragment (never sent to the server): /reset-password#<token>.
    return <ResetPasswordPage token={window.location.hash.replace(/^#/, '')} />;
  },
});

const respondRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/respond/$token',
  component: withPage(RespondPage, function RespondRoute() {
    const { token } = respondRoute.useParams();
    return <RespondPage token={token} />;
  }),
});

/** The "did you meet?" link of a coffee mail: public, no session (decision 071). */
const metRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/crossover/met/$token',
  validateSearch: (s: Record<string, unknown>): { met?: 'yes' | 'no' } => (s.met === 'yes' || s.met === 'no' ? { met: s.met } : {}),
  component: withPage(MetPage, function MetRoute() {
    const { token } = metRoute.useParams();
    const { met } = metRoute.useSearch();
    return <MetPage token={token} initial={met} />;
  }),
});

/** The opt-out link of a coffee mail: public, no session; acts only on a button press (decision 076). */
const optOutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/crossover/opt-out/$token',
  component: withPage(OptOutPage, function OptOutRoute() {
    const { token } = optOutRoute.useParams();
    return <OptOutPage token={token} />;
  }),
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

const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: '/people', loader: ({ context }) => prefetchPeoplePage(context.queryClient), component: PeoplePage });
const organisationRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisation', component: OrganisationPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const integrationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/integrations', component: IntegrationsPage });
const roadmapRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap', loader: ({ context }) => prefetchStrategyPage(context.queryClient), component: RoadmapPage });
const roadmapHealthRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/health', loader: ({ context }) => prefetchHealthPage(context.queryClient), component: HealthPage });
const roadmapTimelineRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/timeline', loader: ({ context }) => prefetchStrategyPage(context.queryClient), component: TimelinePage });
const roadmapLadderRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/ladder', loader: ({ context }) => prefetchStrategyPage(context.queryClient), component: LadderPage });
const roadmapLensesRoute = createRoute({ getParentRoute: () => appRoute, path: '/roadmap/lenses', loader: ({ context }) => prefetchStrategyPage(context.queryClient), component: LensesPage });
const crossoverRoute = createRoute({ getParentRoute: () => appRoute, path: '/crossover', component: CrossoverPage });
const hackweeksRoute = createRoute({ getParentRoute: () => appRoute, path: '/hackweeks', component: HackweeksPage });
const hackweekRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hackweeks/$id',
  component: withPage(HackweekPage, function HackweekRoute() {
    const { id } = hackweekRoute.useParams();
    return <HackweekPage key={id} id={id} />;
  }),
});
const demosRoute = createRoute({ getParentRoute: () => appRoute, path: '/demos', component: DemosPage });
const demoRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/demos/$id',
  component: withPage(DemoPage, function DemoRoute() {
    const { id } = demoRoute.useParams();
    return <DemoPage key={id} id={id} />;
  }),
});
/** Where the QR code on the demo's screen leads (the server's checkInPath); signing in comes back here. */
const demoCheckInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/demos/$id/check-in/$token',
  component: withPage(CheckInPage, function DemoCheckInRoute() {
    const { id, token } = demoCheckInRoute.useParams();
    return <CheckInPage key={id} id={id} token={token} />;
  }),
});
const roundtablesRoute = createRoute({ getParentRoute: () => appRoute, path: '/roundtables', component: RoundtablesPage });
const roundtableRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roundtables/$id',
  component: withPage(RoundtablePage, function RoundtableRoute() {
    const { id } = roundtableRoute.useParams();
    return <RoundtablePage key={id} id={id} />;
  }),
});
const participationRoute = createRoute({ getParentRoute: () => appRoute, path: '/participation', component: ParticipationPage });
const requestsRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests', component: RequestsPage });
const requestsFlowRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/flow', component: FlowPage });
const forecastRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/forecast', component: ForecastPage });
const deferredNeedsRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/deferred-needs', component: DeferredNeedsPage });
const requestStatusesRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/statuses', component: RequestStatusesPage });
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$id',
  component: withPage(RequestPage, function RequestRoute() {
    const { id } = requestRoute.useParams();
    return <RequestPage key={id} id={id} />;
  }),
});
const pulsesRoute = createRoute({ getParentRoute: () => appRoute, path: '/pulses', loader: ({ context }) => prefetchPulsesPage(context.queryClient), component: PulsesPage });
const myPulsesRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-pulses', component: MyPulsesPage });
const pulseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pulses/$id',
  loader: ({ context, params }) => prefetchPulsePage(context.queryClient, params.id),
  component: withPage(PulsePage, function PulseRoute() {
    const { id } = pulseRoute.useParams();
    return <PulsePage key={id} id={id} />;
  }),
});

const prioritiesRoute = createRoute({ getParentRoute: () => appRoute, path: '/priorities', component: PrioritiesPage });
const priorityRoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/priorities/$id',
  component: withPage(RoundPage, function PriorityRoundRoute() {
    const { id } = priorityRoundRoute.useParams();
    return <RoundPage key={id} id={id} />;
  }),
});

/** The printable results sit outside the app layout: paper needs no navigation. */
const pulsePrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pulses/$id/print',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: withPage(PulsePrintPage, function PulsePrintRoute() {
    const { id } = pulsePrintRoute.useParams();
    return <PulsePrintPage id={id} />;
  }),
});

const casesRoute = createRoute({ getParentRoute: () => appRoute, path: '/cases', component: CasesPage });
const casesRegisterRoute = createRoute({ getParentRoute: () => appRoute, path: '/cases/register', component: RegisterPage });
const newCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new/$kind',
  component: withPage(NewCasePage, function NewCaseRoute() {
    const { kind } = newCaseRoute.useParams();
    return <NewCasePage key={kind} kind={kind === 'security' ? 'security' : 'business'} />;
  }),
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$id',
  component: withPage(CasePage, function CaseRoute() {
    const { id } = caseRoute.useParams();
    return <CasePage key={id} id={id} />;
  }),
});

const insightsRoute = createRoute({ getParentRoute: () => appRoute, path: '/insights', component: InsightsPage });
const valueRoute = createRoute({ getParentRoute: () => appRoute, path: '/value', component: ValuePage });
/** The digest mail's unsubscribe link: public, no session. */
const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/digest/unsubscribe',
  validateSearch: (s: Record<string, unknown>): { token: string } => ({ token: typeof s.token === 'string' ? s.token : '' }),
  component: withPage(UnsubscribePage, function UnsubscribeRoute() {
    return <UnsubscribePage token={unsubscribeRoute.useSearch().token} />;
  }),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  respondRoute,
  metRoute,
  optOutRoute,
  pulsePrintRoute,
  unsubscribeRoute,
  appRoute.addChildren([
    indexRoute,
    peopleRoute,
    organisationRoute,
    auditRoute,
    integrationsRoute,
    pulsesRoute,
    myPulsesRoute,
    pulseRoute,
    prioritiesRoute,
    priorityRoundRoute,
    crossoverRoute,
    hackweeksRoute,
    hackweekRoute,
    demosRoute,
    demoRoute,
    demoCheckInRoute,
    roundtablesRoute,
    roundtableRoute,
    participationRoute,
    requestsRoute,
    requestsFlowRoute,
    requestStatusesRoute,
    forecastRoute,
    deferredNeedsRoute,
    requestRoute,
    roadmapRoute,
    roadmapHealthRoute,
    roadmapTimelineRoute,
    roadmapLadderRoute,
    roadmapLensesRoute,
    casesRoute,
    casesRegisterRoute,
    newCaseRoute,
    caseRoute,
    insightsRoute,
    valueRoute,
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
