import { listOf } from '../../../domain/common';
import { MarkedRead, Notification, NotificationListQuery, NotificationParams, UnreadCount } from '../../../domain/collaboration/notifications';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { RouteModule } from '../../platform/http/context';
import { listNotifications, markRead, unreadCount } from './store';

const tags = ['Notifications'];

/** The caller's notification centre in a workspace: list, unread count, mark read. */
export const notificationRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/notifications', {
    schema: { tags, summary: 'My notifications, newest first', params: WorkspaceParams, querystring: NotificationListQuery, response: { 200: listOf(Notification) } },
    config: { permission: 'workspace.read' },
  }, async (req) => listNotifications(db, req.workspace!.id, req.actor!.userId, req.query));

  app.get('/workspaces/:ws/notifications/unread-count', {
    schema: { tags, summary: 'How many of my notifications are unread', params: WorkspaceParams, response: { 200: UnreadCount } },
    config: { permission: 'workspace.read' },
  }, async (req) => ({ unread: await unreadCount(db, req.workspace!.id, req.actor!.userId) }));

  app.post('/workspaces/:ws/notifications/:notificationId/read', {
    schema: { tags, summary: 'Mark a notification read', params: NotificationParams, response: { 200: MarkedRead } },
    config: { permission: 'workspace.read' },
  }, async (req) => ({ updated: await db.transaction((tx) => markRead(tx, req.workspace!.id, req.actor!.userId, { id: req.params.notificationId, read: true })) }));

  app.post('/workspaces/:ws/notifications/:notificationId/unread', {
    schema: { tags, summary: 'Mark a notification unread', params: NotificationParams, response: { 200: MarkedRead } },
    config: { permission: 'workspace.read' },
  }, async (req) => ({ updated: await db.transaction((tx) => markRead(tx, req.workspace!.id, req.actor!.userId, { id: req.params.notificationId, read: false })) }));

  app.post('/workspaces/:ws/notifications/read-all', {
    schema: { tags, summary: 'Mark all my notifications read', params: WorkspaceParams, response: { 200: MarkedRead } },
    config: { permission: 'workspace.read' },
  }, async (req) => ({ updated: await db.transaction((tx) => markRead(tx, req.workspace!.id, req.actor!.userId, { read: true })) }));
};
