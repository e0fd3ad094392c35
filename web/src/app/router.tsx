import { Box } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { z } from 'zod';
import { ErrorState } from '../components/error-state.tsx';
import { PageLoader } from '../components/full-page-loader.tsx';
import { safeRedirect } from '../features/auth/session.ts';
import { organizationsSearch } from '../features/organizations/search.ts';
import { session } from '../lib/api-client.ts';
import { AppLayout, ForbiddenPage, NotFoundPage } from './layout.tsx';
import { PlannedSection } from './planned-pages.tsx';

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

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
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
  },
  component: AppLayout,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: () => <PlannedSection section="dashboard" />,
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
  component: lazyRouteComponent(
    () => import('../features/organizations/organization-detail-page.tsx'),
    'OrganizationDetailPage',
  ),
});

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personen',
  component: () => <PlannedSection section="persons" />,
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personen/$id',
  params: idParams,
  component: () => <PlannedSection section="persons" />,
});

const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/veranstaltungen',
  component: () => <PlannedSection section="events" />,
});

const interactionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kontakte',
  component: () => <PlannedSection section="interactions" />,
});

const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/netzwerk',
  component: () => <PlannedSection section="network" />,
});

const exportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/exporte',
  component: () => <PlannedSection section="exports" />,
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verwaltung/benutzer',
  beforeLoad: () => {
    if (session.user?.role !== 'admin') throw new ForbiddenError();
  },
  errorComponent: RouteError,
  component: lazyRouteComponent(() => import('../features/users/users-page.tsx'), 'UsersPage'),
});

/** Unknown addresses inside the app: shown within the layout (and behind the login). */
const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    indexRoute,
    organizationsRoute,
    organizationRoute,
    personsRoute,
    personRoute,
    eventsRoute,
    interactionsRoute,
    networkRoute,
    exportsRoute,
    usersRoute,
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
