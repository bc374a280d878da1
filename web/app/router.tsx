import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { defaultWorkspace, meQuery, setupQuery } from '../platform/session';
import { GOAL_STATUS, INITIATIVE_STATUS } from '../strategy/status';
import { isApiError } from '../ui/api';
import { ComingPage } from '../ui/coming-page';
import { COMING, type ComingKey } from './areas';
import { FullPageError, NotFoundPage } from './not-found-page';
import { queryClient, setSignedOutHandler } from './query-client';
import { AppLayout } from './shell/app-layout';
import { PageSkeleton } from './shell/page-skeleton';
import { WorkspaceLayout } from './shell/workspace-layout';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: () => <NotFoundPage fullPage />,
  errorComponent: FullPageError,
  // First run: every path leads to the setup page until an owner exists.
  beforeLoad: async ({ context, location }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupQuery);
    if (needsSetup && location.pathname !== '/setup') throw redirect({ to: '/setup' });
    if (!needsSetup && location.pathname === '/setup') throw redirect({ to: '/' });
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  component: lazyRouteComponent(() => import('../platform/setup-page'), 'SetupPage'),
});

/** Where to go after signing in: a path of this app only, never another site. */
function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (s: Record<string, unknown>): { next?: string } => ({ next: safeNext(s.next) }),
  component: lazyRouteComponent(() => import('../platform/sign-in-page'), 'SignInPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invite/$token',
  component: lazyRouteComponent(() => import('../platform/invite-page'), 'InvitePage'),
});

/** Everything behind sign-in, inside the app shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (isApiError(e, 401)) throw redirect({ to: '/sign-in', search: { next: location.href === '/' ? undefined : location.href } });
      throw e;
    }
  },
  pendingComponent: PageSkeleton,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    const ws = defaultWorkspace(me.workspaces);
    if (ws) throw redirect({ to: '/w/$ws', params: { ws: ws.slug } });
  },
  component: lazyRouteComponent(() => import('../platform/no-workspace-page'), 'NoWorkspacePage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile',
  component: lazyRouteComponent(() => import('../platform/profile/profile-page'), 'ProfilePage'),
});

const wsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'w/$ws',
  component: WorkspaceLayout,
  notFoundComponent: () => <NotFoundPage />,
});

const homeRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../platform/home/home-page'), 'HomePage'),
});

/**
 * Filters of the goal and initiative lists, kept in the address so a filtered list can be shared.
 * Statuses come from the label tables (typed exhaustively by the contract), so the zod schemas
 * stay out of the first download.
 */
export interface ListSearch<S extends string> {
  status?: S;
  unit?: string;
  q?: string;
  archived?: boolean;
}

function listSearch<S extends string>(statuses: readonly S[]) {
  return (s: Record<string, unknown>): ListSearch<S> => ({
    status: statuses.includes(s.status as S) ? (s.status as S) : undefined,
    unit: typeof s.unit === 'string' && s.unit ? s.unit : undefined,
    q: typeof s.q === 'string' && s.q ? s.q : undefined,
    archived: s.archived === true || s.archived === 'true' ? true : undefined,
  });
}

const goalsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'goals',
  validateSearch: listSearch(Object.keys(GOAL_STATUS) as (keyof typeof GOAL_STATUS)[]),
  component: lazyRouteComponent(() => import('../strategy/goals/goals-page'), 'GoalsPage'),
});

const goalRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'goals/$goalId',
  component: lazyRouteComponent(() => import('../strategy/goals/goal-page'), 'GoalPage'),
});

const initiativesRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'initiatives',
  validateSearch: listSearch(Object.keys(INITIATIVE_STATUS) as (keyof typeof INITIATIVE_STATUS)[]),
  component: lazyRouteComponent(() => import('../strategy/initiatives/initiatives-page'), 'InitiativesPage'),
});

const initiativeRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'initiatives/$initiativeId',
  component: lazyRouteComponent(() => import('../strategy/initiatives/initiative-page'), 'InitiativePage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'business-units',
  component: lazyRouteComponent(() => import('../platform/units/units-page'), 'BusinessUnitsPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'members',
  component: lazyRouteComponent(() => import('../platform/members/members-page'), 'MembersPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('../platform/settings/settings-page'), 'WorkspaceSettingsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'audit-log',
  component: lazyRouteComponent(() => import('../platform/audit/audit-page'), 'AuditLogPage'),
});

const activityRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'activity',
  component: lazyRouteComponent(() => import('../collaboration/activity/activity-page'), 'ActivityPage'),
});

const actionsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'actions',
  validateSearch: (s: Record<string, unknown>): { item?: string } => ({ item: typeof s.item === 'string' ? s.item : undefined }),
  component: lazyRouteComponent(() => import('../collaboration/actions/actions-page'), 'MyActionsPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'notifications',
  component: lazyRouteComponent(() => import('../collaboration/notifications/notifications-page'), 'NotificationsPage'),
});

const webhooksRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'settings/webhooks',
  component: lazyRouteComponent(() => import('../collaboration/webhooks/webhooks-page'), 'WebhooksPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'settings/outbox',
  component: lazyRouteComponent(() => import('../collaboration/email/outbox-page'), 'OutboxPage'),
});

const comingRoutes = (Object.keys(COMING) as ComingKey[]).map((key) =>
  createRoute({
    getParentRoute: () => wsRoute,
    path: COMING[key].path,
    component: () => <ComingPage area={COMING[key]} />,
  }),
);

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  inviteRoute,
  appRoute.addChildren([
    indexRoute,
    profileRoute,
    wsRoute.addChildren([
      homeRoute, goalsRoute, goalRoute, initiativesRoute, initiativeRoute, unitsRoute, membersRoute, settingsRoute, auditRoute,
      activityRoute, actionsRoute, notificationsRoute, webhooksRoute, outboxRoute,
      ...comingRoutes,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageSkeleton,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A session that ends elsewhere (signed out on another device, expired) sends the user to sign in.
setSignedOutHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname === '/setup' || pathname === '/sign-in' || pathname.startsWith('/invite/')) return;
  queryClient.clear();
  void router.navigate({ to: '/sign-in', search: { next: href } });
});
