import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { defaultWorkspace, meQuery, setupQuery } from '../platform/session';
import { GOAL_STATUS, INITIATIVE_STATUS } from '../strategy/status';
import { initiativeExtraSearch, type InitiativeSearch } from '../strategy/initiatives/search';
import { fieldSearch, type FieldSearch } from '../strategy/custom-fields/search';
import { graphSearch } from '../strategy/graph/search';
import { capabilitySearch } from '../strategy/capabilities/search';
import { alignmentSearch, matrixSearch } from '../strategy/alignment/search';
import { roadmapSearch } from '../strategy/roadmap/search';
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
  /** Custom field filters: an option by field id. */
  fields?: FieldSearch;
}

function listSearch<S extends string>(statuses: readonly S[]) {
  return (s: Record<string, unknown>): ListSearch<S> => ({
    status: statuses.includes(s.status as S) ? (s.status as S) : undefined,
    unit: typeof s.unit === 'string' && s.unit ? s.unit : undefined,
    q: typeof s.q === 'string' && s.q ? s.q : undefined,
    archived: s.archived === true || s.archived === 'true' ? true : undefined,
    fields: fieldSearch(s.fields),
  });
}

/** The goal list's filters, its theme filter and whether it shows the goal tree. */
export interface GoalSearch extends ListSearch<keyof typeof GOAL_STATUS> {
  theme?: string;
  view?: 'tree';
}

const goalStatusSearch = listSearch(Object.keys(GOAL_STATUS) as (keyof typeof GOAL_STATUS)[]);

const goalsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'goals',
  validateSearch: (s: Record<string, unknown>): GoalSearch => ({
    ...goalStatusSearch(s),
    theme: typeof s.theme === 'string' && s.theme ? s.theme : undefined,
    view: s.view === 'tree' ? 'tree' : undefined,
  }),
  component: lazyRouteComponent(() => import('../strategy/goals/goals-page'), 'GoalsPage'),
});

const strategyRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'strategy',
  component: lazyRouteComponent(() => import('../strategy/themes/strategy-page'), 'StrategyPage'),
});

const goalRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'goals/$goalId',
  component: lazyRouteComponent(() => import('../strategy/goals/goal-page'), 'GoalPage'),
});

const initiativeStatusSearch = listSearch(Object.keys(INITIATIVE_STATUS) as (keyof typeof INITIATIVE_STATUS)[]);

const initiativesRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'initiatives',
  validateSearch: (s: Record<string, unknown>): InitiativeSearch<keyof typeof INITIATIVE_STATUS> => ({
    ...initiativeStatusSearch(s),
    ...initiativeExtraSearch(s),
  }),
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

const teamsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'teams',
  component: lazyRouteComponent(() => import('../platform/teams/teams-page'), 'TeamsPage'),
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

const alignmentRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'alignment',
  validateSearch: alignmentSearch,
  component: lazyRouteComponent(() => import('../strategy/alignment/alignment-page'), 'AlignmentPage'),
});

const alignmentMatrixRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'alignment/matrix',
  validateSearch: matrixSearch,
  component: lazyRouteComponent(() => import('../strategy/alignment/matrix-page'), 'AlignmentMatrixPage'),
});

const alignmentGraphRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'alignment/graph',
  validateSearch: graphSearch,
  component: lazyRouteComponent(() => import('../strategy/graph/graph-page'), 'AlignmentGraphPage'),
});

const capabilitiesRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'capabilities',
  validateSearch: capabilitySearch,
  component: lazyRouteComponent(() => import('../strategy/capabilities/capabilities-page'), 'CapabilitiesPage'),
});

const customFieldsRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'settings/custom-fields',
  component: lazyRouteComponent(() => import('../strategy/custom-fields/custom-fields-page'), 'CustomFieldsPage'),
});

const roadmapRoute = createRoute({
  getParentRoute: () => wsRoute,
  path: 'roadmap',
  validateSearch: roadmapSearch,
  component: lazyRouteComponent(() => import('../strategy/roadmap/roadmap-page'), 'RoadmapPage'),
});

/** A roadmap shared by link: public, outside the signed-in app. */
const sharedRoadmapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'share/roadmap/$token',
  component: lazyRouteComponent(() => import('../strategy/roadmap/public-roadmap-page'), 'PublicRoadmapPage'),
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
  sharedRoadmapRoute,
  appRoute.addChildren([
    indexRoute,
    profileRoute,
    wsRoute.addChildren([
      homeRoute, strategyRoute, goalsRoute, goalRoute, initiativesRoute, initiativeRoute, unitsRoute, teamsRoute, membersRoute, settingsRoute, auditRoute,
      activityRoute, actionsRoute, notificationsRoute, webhooksRoute, outboxRoute, alignmentGraphRoute, alignmentRoute, alignmentMatrixRoute,
      capabilitiesRoute, customFieldsRoute, roadmapRoute,
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
