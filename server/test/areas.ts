import { actionAccess } from '../collaboration/actions/access';
import { commentAccess } from '../collaboration/comments/access';
import { emailAccess } from '../collaboration/email/access';
import { notificationAccess } from '../collaboration/notifications/access';
import { searchAccess } from '../collaboration/search/access';
import { webhookAccess } from '../collaboration/webhooks/access';
import { themeAccess } from '../strategy/themes/access';
import { keyResultAccess } from '../strategy/key-results/access';
import { teamAccess } from '../platform/teams/access';
import { milestoneAccess } from '../strategy/milestones/access';
import { dependencyAccess } from '../strategy/dependencies/access';
import { alignmentGraphAccess } from '../strategy/graph/access';
import { roadmapAccess } from '../strategy/roadmap/access';
import { alignmentAccess } from '../strategy/alignment/access';
import { capabilityAccess } from '../strategy/capabilities/access';
import { customFieldAccess } from '../strategy/custom-fields/access';
import { goalTemplateAccess } from '../strategy/templates/access';
import type { AreaAccess } from './access';

/**
 * The areas' parts of the authorisation matrix (server/platform/auth/matrix.test.ts). An area
 * with routes adds its AreaAccess here. (Comments, watches and activity share one.)
 */
export const areaAccess: AreaAccess[] = [commentAccess, notificationAccess, webhookAccess, searchAccess, actionAccess, emailAccess, teamAccess, milestoneAccess, dependencyAccess, themeAccess, keyResultAccess, alignmentGraphAccess, roadmapAccess, alignmentAccess,
  capabilityAccess, customFieldAccess, goalTemplateAccess];
