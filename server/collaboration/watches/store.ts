import { and, eq } from 'drizzle-orm';
import type { TEntityRef, TWatchState } from '../../../domain/collaboration/comments';
import type { Queryable } from '../../platform/db/client';
import { invalidField, notFound } from '../../platform/http/errors';
import { memberships } from '../../platform/tables';
import { entityKind, findEntity } from '../entities';
import { watches } from '../tables';

/**
 * The entity `ref` names, checked: an unregistered type is a 400 at `<where>.entityType`, an
 * entity not in this workspace (or another workspace's) a 404. Returns its title and path.
 */
export async function requireEntity(db: Queryable, workspaceId: string, ref: TEntityRef, where: 'body' | 'query') {
  const kind = entityKind(ref.entityType);
  if (!kind) throw invalidField(`${where}.entityType`, 'is not a kind of item that takes comments or watchers');
  const found = await findEntity(db, workspaceId, ref.entityType, ref.entityId);
  if (!found) throw notFound(kind.label.charAt(0).toUpperCase() + kind.label.slice(1));
  return { ...found, label: kind.label };
}

const onEntity = (workspaceId: string, ref: TEntityRef) =>
  and(eq(watches.workspaceId, workspaceId), eq(watches.entityType, ref.entityType), eq(watches.entityId, ref.entityId));

/** Whether `userId` watches the entity, and how many current members do. */
export async function watchState(db: Queryable, workspaceId: string, userId: string, ref: TEntityRef): Promise<TWatchState> {
  const rows = await db
    .select({ userId: watches.userId })
    .from(watches)
    .innerJoin(memberships, and(eq(memberships.workspaceId, watches.workspaceId), eq(memberships.userId, watches.userId)))
    .where(onEntity(workspaceId, ref));
  return { watching: rows.some((r) => r.userId === userId), watchers: rows.length };
}

/** Makes `userId` a watcher; true when they were not one before (nothing happens if they are). */
export async function startWatching(db: Queryable, workspaceId: string, userId: string, ref: TEntityRef): Promise<boolean> {
  const added = await db
    .insert(watches)
    .values({ workspaceId, userId, entityType: ref.entityType, entityId: ref.entityId })
    .onConflictDoNothing()
    .returning({ userId: watches.userId });
  return added.length > 0;
}

/** Stops `userId` watching; true when they were a watcher (nothing happens if they were not). */
export async function stopWatching(db: Queryable, workspaceId: string, userId: string, ref: TEntityRef): Promise<boolean> {
  const removed = await db.delete(watches).where(and(onEntity(workspaceId, ref), eq(watches.userId, userId))).returning({ userId: watches.userId });
  return removed.length > 0;
}

/** Who watches the entity (notify() leaves out anyone no longer a member). */
export async function watchersOf(db: Queryable, workspaceId: string, ref: TEntityRef): Promise<string[]> {
  const rows = await db.select({ userId: watches.userId }).from(watches).where(onEntity(workspaceId, ref));
  return rows.map((r) => r.userId);
}
