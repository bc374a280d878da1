import type { AreaAccess } from '../../test/access';
import { notifications } from '../tables';

export const notificationAccess: AreaAccess = {
  routes: {
    'GET /api/v1/workspaces/:ws/notifications': 'viewer',
    'GET /api/v1/workspaces/:ws/notifications/unread-count': 'viewer',
    'POST /api/v1/workspaces/:ws/notifications/:notificationId/read': 'viewer',
    'POST /api/v1/workspaces/:ws/notifications/:notificationId/unread': 'viewer',
    'POST /api/v1/workspaces/:ws/notifications/read-all': 'viewer',
  },
  // A notification of the caller's own (another person's is a 404 to them, by design).
  async fixtures(url, { db, owner, caller, params }) {
    if (!url.includes(':notificationId')) return;
    const [workspace] = await db.query.workspaces.findMany({ where: (w, { eq }) => eq(w.slug, params.ws!) });
    const [row] = await db.insert(notifications).values({
      workspaceId: workspace!.id, userId: (caller ?? owner).userId, kind: 'watch.change', title: 'Fixture notification',
    }).returning();
    params.notificationId = row!.id;
  },
};
