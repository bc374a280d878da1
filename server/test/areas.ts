import { actionAccess } from '../collaboration/actions/access';
import { commentAccess } from '../collaboration/comments/access';
import { emailAccess } from '../collaboration/email/access';
import { notificationAccess } from '../collaboration/notifications/access';
import { searchAccess } from '../collaboration/search/access';
import { webhookAccess } from '../collaboration/webhooks/access';
import type { AreaAccess } from './access';

/**
 * The areas' parts of the authorisation matrix (server/platform/auth/matrix.test.ts). An area
 * with routes adds its AreaAccess here. (Comments, watches and activity share one.)
 */
export const areaAccess: AreaAccess[] = [commentAccess, notificationAccess, webhookAccess, searchAccess, actionAccess, emailAccess];
