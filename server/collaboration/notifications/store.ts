import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TNotification } from '../../../domain/collaboration/notifications';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { notFound } from '../../platform/http/errors';
import { afterNewestCursor, exactTime, page } from '../../platform/http/pagination';
import { users } from '../../platform/tables';
import { notifications } from '../tables';

const mine = (workspaceId: string, userId: string) =>
  and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), eq(notifications.inApp, true));

/** The caller's notifications in the workspace, newest first. */
export async function listNotifications(db: Queryable, workspaceId: string, userId: string, f: { unread: boolean; limit: number; cursor?: string }) {
  const rows = await db
    .select({ n: notifications, actorName: users.name, at: exactTime(notifications.createdAt) })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorUserId))
    .where(and(
      mine(workspaceId, userId),
      f.unread ? isNull(notifications.readAt) : undefined,
      afterNewestCursor(f.cursor, notifications.createdAt, notifications.id),
    ))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit + 1);
  return page(rows, f.limit, (r): TNotification => ({
    id: r.n.id, kind: r.n.kind, title: r.n.title, body: r.n.body, link: r.n.link,
    actor: r.n.actorUserId && r.actorName !== null ? { id: r.n.actorUserId, name: r.actorName } : null,
    entityType: r.n.entityType, entityId: r.n.entityId,
    createdAt: r.n.createdAt.toISOString(), readAt: r.n.readAt?.toISOString() ?? null,
  }), (r) => [r.at, r.n.id]);
}

export async function unreadCount(db: Queryable, workspaceId: string, userId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(notifications).where(and(mine(workspaceId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

/**
 * Marks one (or, without an id, every) notification of the caller read or unread. Read state is
 * the person's own view, like a session's last-seen time: it is not written to the audit log.
 * The caller's other open tabs hear of it and update their bell.
 */
export async function markRead(tx: Queryable, workspaceId: string, userId: string, opts: { id?: string; read: boolean }): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: opts.read ? sql`now()` : null })
    .where(and(
      mine(workspaceId, userId),
      opts.id ? eq(notifications.id, opts.id) : undefined,
      opts.read ? isNull(notifications.readAt) : undefined,
    ))
    .returning({ id: notifications.id });
  if (opts.id && rows.length === 0) {
    const [exists] = await tx.select({ id: notifications.id }).from(notifications).where(and(mine(workspaceId, userId), eq(notifications.id, opts.id)));
    if (!exists) throw notFound('Notification');
  }
  if (rows.length > 0) await publish(tx, { workspaceId, kind: 'notification', userIds: [userId] });
  return rows.length;
}
