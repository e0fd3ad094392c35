import { policy } from '@anett/shared/policy';
import { Box } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { z } from 'zod';
import { ErrorState } from '../components/error-state.tsx';
import { PageLoader } from '../components/full-page-loader.tsx';
import { eventDetailSearch, eventsSearch } from '../features/events/search.ts';
import { graphSearch } from '../features/graph/search.ts';
import { importSearch } from '../features/imports/search.ts';
import { followUpsSearch, interactionsSearch } from '../features/interactions/search.ts';
import { organizationDetailSearch, organizationsSearch } from '../features/organizations/search.ts';
import { personDetailSearch, personsSearch } from '../features/persons/search.ts';
import { reachSearch } from '../features/reports/search.ts';
import { session } from '../lib/api-client.ts';
import { safeRedirect } from '../lib/session.ts';
import { AppLayout, ForbiddenPage, NotFoundPage, RootLayout } from './layout.tsx';

export type RouterContext = { queryClient: QueryClient };

class ForbiddenError extends Error {}

function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  if (error instanceof ForbiddenError) return <ForbiddenPage />;
  return (
    <ErrorState
      error={error}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}

/** For pages only some roles may open: the others get the 403 page inside the layout. */
const allowOnly = (may: typeof policy.write) => ({
  beforeLoad: () => {
    if (!may(session.user)) throw new ForbiddenError();
  },
  errorComponent: RouteError,
});

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: () => (
    <Box p="lg">
      <NotFoundPage />
    </Box>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: z.object({ redirect: z.string().max(2000).optional().catch(undefined).optional() }),
  beforeLoad: ({ search }) => {
    if (session.user) throw redirect({ href: safeRedirect(search.redirect), replace: true });
  },
  component: lazyRouteComponent(() => import('../features/auth/login-page.tsx'), 'LoginPage'),
});

/** Everything behind the login. The session was restored (or not) before the router rendered. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ location }) => {
    if (!session.user) {
      throw redirect({ to: '/login', search: { redirect: location.href === '/' ? undefined : location.href } });
    }
    // "Enrol now": the role requires a second factor the user does not have yet; nothing else works until then.
    if (session.user.secondFactor === 'required' && location.pathname !== SECURITY_PATH) {
      throw redirect({ to: SECURITY_PATH, replace: true });
    }
  },
  component: AppLayout,
  // Right after the login the layout shows at once (a spinner inside while the first page's code loads): the login
  // form, with focus in the password field, used to stay up to a second and swallowed the first `n` or `/`.
  pendingComponent: () => <AppLayout pending />,
  pendingMs: 0,
  pendingMinMs: 0,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisationen',
  validateSearch: organizationsSearch,
  component: lazyRouteComponent(() => import('../features/organizations/organizations-page.tsx'), 'OrganizationsPage'),
});

const idParams = {
  parse: (p: { id: string }) => ({ id: Number(p.id) }),
  stringify: (p: { id: number }) => ({ id: String(p.id) }),
};

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisationen/$id',
  params: idParams,
  validateSearch: organizationDetailSearch,
  component: lazyRouteComponent(() => import('./pages/organization-detail-page.tsx'), 'OrganizationDetailPage'),
});

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personen',
  validateSearch: personsSearch,
  component: lazyRouteComponent(() => import('./pages/persons-page.tsx'), 'PersonsPage'),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personen/$id',
  params: idParams,
  validateSearch: personDetailSearch,
  component: lazyRouteComponent(() => import('./pages/person-detail-page.tsx'), 'PersonDetailPage'),
});

const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/veranstaltungen',
  validateSearch: eventsSearch,
  component: lazyRouteComponent(() => import('../features/events/events-page.tsx'), 'EventsPage'),
});

const eventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/veranstaltungen/$id',
  params: idParams,
  validateSearch: eventDetailSearch,
  component: lazyRouteComponent(() => import('./pages/event-detail-page.tsx'), 'EventDetailPage'),
});

/** Check-in mode fills the screen (a tablet at the door): behind the login, but outside the app layout. */
const checkInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/veranstaltungen/$id/checkin',
  params: idParams,
  beforeLoad: ({ location }) => {
    if (!session.user) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  errorComponent: RouteError,
  component: lazyRouteComponent(() => import('../features/events/checkin-page.tsx'), 'CheckInPage'),
});

const interactionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kontakte',
  validateSearch: interactionsSearch,
  component: lazyRouteComponent(() => import('./pages/interactions-page.tsx'), 'InteractionsPage'),
});

const followUpsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kontakte/wiedervorlagen',
  validateSearch: followUpsSearch,
  component: lazyRouteComponent(() => import('../features/interactions/follow-ups-page.tsx'), 'FollowUpsPage'),
});

const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/netzwerk',
  component: lazyRouteComponent(() => import('../features/network/network-page.tsx'), 'NetworkPage'),
});

const networkGraphRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/netzwerk/graph',
  validateSearch: graphSearch,
  component: lazyRouteComponent(() => import('../features/graph/graph-page.tsx'), 'GraphPage'),
});

const reachReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/berichte/reichweite',
  validateSearch: reachSearch,
  component: lazyRouteComponent(() => import('../features/reports/reach-page.tsx'), 'ReachPage'),
});

const exportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/exporte',
  component: lazyRouteComponent(() => import('./pages/exports-page.tsx'), 'ExportsPage'),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  validateSearch: importSearch,
  ...allowOnly(policy.write),
  component: lazyRouteComponent(() => import('../features/imports/import-page.tsx'), 'ImportPage'),
});

const SECURITY_PATH = '/konto/sicherheit';

const securityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: SECURITY_PATH,
  component: lazyRouteComponent(() => import('../features/auth/security-page.tsx'), 'SecurityPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/benutzer',
  ...allowOnly(policy.administer),
  component: lazyRouteComponent(() => import('../features/users/users-page.tsx'), 'UsersPage'),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/dubletten',
  ...allowOnly(policy.write),
  component: lazyRouteComponent(() => import('./pages/duplicates-page.tsx'), 'DuplicatesPage'),
});

const topicsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/themen',
  ...allowOnly(policy.administer),
  component: lazyRouteComponent(() => import('../features/tags/topics-page.tsx'), 'TopicsPage'),
});

const suppressionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/sperrliste',
  ...allowOnly(policy.administer),
  component: lazyRouteComponent(() => import('../features/privacy/suppressions-page.tsx'), 'SuppressionsPage'),
});

const inactiveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/inaktive-personen',
  ...allowOnly(policy.administer),
  component: lazyRouteComponent(() => import('../features/privacy/inactive-page.tsx'), 'InactivePage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/ausgang',
  ...allowOnly(policy.administer),
  component: lazyRouteComponent(() => import('../features/mail/outbox-page.tsx'), 'OutboxPage'),
});

// Self-service pages: no login, their own minimal layout; the links in mails lead here.
const tokenSearch = z.object({ token: z.string().max(2000).optional().catch(undefined) });

const publicRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/anmeldung/$slug',
  component: lazyRouteComponent(() => import('../features/registrations/registration-page.tsx'), 'RegistrationPage'),
});

const confirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestaetigung',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/registrations/confirm-page.tsx'), 'ConfirmPage'),
});

const cancelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/absage',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/registrations/cancel-page.tsx'), 'CancelPage'),
});

const preferencesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/einstellungen',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/registrations/preferences-page.tsx'), 'PreferencesPage'),
});

const privacyNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/datenschutz',
  component: lazyRouteComponent(() => import('../features/registrations/privacy-notice-page.tsx'), 'PrivacyNoticePage'),
});

/** Unknown addresses inside the app: shown within the layout (and behind the login). */
const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  checkInRoute,
  publicRegistrationRoute,
  confirmRoute,
  cancelRoute,
  preferencesRoute,
  privacyNoticeRoute,
  appRoute.addChildren([
    indexRoute,
    organizationsRoute,
    organizationRoute,
    personsRoute,
    personRoute,
    eventsRoute,
    eventRoute,
    interactionsRoute,
    followUpsRoute,
    networkRoute,
    networkGraphRoute,
    reachReportRoute,
    exportsRoute,
    importRoute,
    securityRoute,
    usersRoute,
    duplicatesRoute,
    topicsRoute,
    suppressionsRoute,
    inactiveRoute,
    outboxRoute,
    notFoundRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Route data comes from TanStack Query, which has its own cache.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
  // Refresh refused (expired, revoked, logged out elsewhere): back to the login, then back here.
  session.onLost(() => {
    queryClient.clear();
    const here = router.state.location.href;
    void router.navigate({ to: '/login', search: { redirect: here.startsWith('/login') ? undefined : here } });
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
