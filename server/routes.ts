import { actionRoutes } from './collaboration/actions/routes';
import { activityRoutes } from './collaboration/activity/routes';
import { commentRoutes } from './collaboration/comments/routes';
import { emailRoutes } from './collaboration/email/routes';
import { notificationRoutes } from './collaboration/notifications/routes';
import { searchRoutes } from './collaboration/search/routes';
import { watchRoutes } from './collaboration/watches/routes';
import { webhookRoutes } from './collaboration/webhooks/routes';
import { auditRoutes } from './platform/audit/routes';
import { eventRoutes } from './platform/events/routes';
import { authRoutes } from './platform/auth/routes';
import { businessUnitRoutes } from './platform/business-units/routes';
import type { RouteModule } from './platform/http/context';
import { invitationRoutes } from './platform/invitations/routes';
import { memberRoutes } from './platform/members/routes';
import { tokenRoutes } from './platform/tokens/routes';
import { workspaceRoutes } from './platform/workspaces/routes';
import { goalRoutes } from './strategy/goals.routes';
import { initiativeRoutes } from './strategy/initiatives.routes';
import { goalLinkRoutes } from './strategy/links.routes';
import { teamRoutes } from './platform/teams/routes';
import { milestoneRoutes } from './strategy/milestones/routes';
import { dependencyRoutes } from './strategy/dependencies/routes';
import { themeRoutes } from './strategy/themes/routes';
import { keyResultRoutes } from './strategy/key-results/routes';
import { alignmentGraphRoutes } from './strategy/graph/routes';
import { roadmapRoutes } from './strategy/roadmap/routes';
import { alignmentRoutes } from './strategy/alignment/routes';
import { capabilityRoutes } from './strategy/capabilities/routes';
import { customFieldRoutes } from './strategy/custom-fields/routes';
import { goalTemplateRoutes } from './strategy/templates/routes';

/**
 * The route table: every area's routes, mounted under /api/v1. An area adds its module here,
 * and its routes to the authorisation matrix (server/platform/auth/matrix.test.ts).
 */
export const apiRoutes: RouteModule[] = [
  authRoutes, workspaceRoutes, memberRoutes, invitationRoutes, businessUnitRoutes, tokenRoutes, auditRoutes,
  goalRoutes, initiativeRoutes, goalLinkRoutes, teamRoutes, milestoneRoutes, dependencyRoutes, themeRoutes, keyResultRoutes, alignmentGraphRoutes, roadmapRoutes, alignmentRoutes,
  capabilityRoutes, customFieldRoutes, goalTemplateRoutes,
  eventRoutes, commentRoutes, watchRoutes, activityRoutes, notificationRoutes, actionRoutes, webhookRoutes, emailRoutes, searchRoutes];
