import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TComment, TCreateComment, TEntityRef } from '../../../domain/collaboration/comments';
import { addedMentions, parseMentions } from '../../../domain/collaboration/mentions';
import { can, type TRole } from '../../../domain/platform/permissions';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { conflict, forbidden, notFound } from '../../platform/http/errors';
import { CursorTime, after, decodeCursor, exactTime, page } from '../../platform/http/pagination';
import { assertMembersAt } from '../../platform/members/references';
import { users } from '../../platform/tables';
import { notify } from '../notify';
import { comments } from '../tables';
import { requireEntity, startWatching, watchersOf } from '../watches/store';
import { commentPreview, renderComment } from './markdown';

/** Who is asking: their id, name and role in the workspace. */
export interface Caller {
  userId: string;
  name: string;
  role: TRole;
}

type Row = typeof comments.$inferSelect;

const OldestCursor = z.tuple([CursorTime, z.uuid()]);

function present(c: Row, names: Map<string, string>, caller: Caller): TComment {
  const deleted = c.deletedAt !== null;
  const own = c.authorUserId === caller.userId && can(caller.role, 'comments.write');
  return {
    id: c.id, entityType: c.entityType, entityId: c.entityId,
    author: c.authorUserId ? { id: c.authorUserId, name: names.get(c.authorUserId) ?? 'Former user' } : null,
    body: c.body, bodyHtml: c.bodyHtml,
    mentions: c.mentionedUserIds.map((userId) => ({ userId, name: names.get(userId) ?? 'Former user' })),
    createdAt: c.createdAt.toISOString(), editedAt: c.editedAt?.toISOString() ?? null, deletedAt: c.deletedAt?.toISOString() ?? null,
    canEdit: !deleted && own,
    canDelete: !deleted && (own || can(caller.role, 'workspace.manage')),
  };
}

/** Names of the authors and mentioned people of `rows`. */
async function namesFor(db: Queryable, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [...(r.authorUserId ? [r.authorUserId] : []), ...r.mentionedUserIds]))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

/** The comments on one entity, oldest first (deleted ones stay, emptied, so threads keep their shape). */
export async function listComments(db: Queryable, workspaceId: string, caller: Caller, ref: TEntityRef, limit: number, cursor?: string) {
  await requireEntity(db, workspaceId, ref, 'query');
  const c = decodeCursor(cursor, OldestCursor);
  const rows = await db
    .select({ row: comments, sortAt: exactTime(comments.createdAt) })
    .from(comments)
    .where(and(
      eq(comments.workspaceId, workspaceId), eq(comments.entityType, ref.entityType), eq(comments.entityId, ref.entityId),
      c ? after([comments.createdAt, comments.id], [sql`${c[0]}::timestamptz`, sql`${c[1]}::uuid`], 'asc') : undefined,
    ))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit + 1);
  const names = await namesFor(db, rows.slice(0, limit).map((r) => r.row));
  return page(rows, limit, (r) => present(r.row, names, caller), (r) => [r.sortAt, r.row.id]);
}

/**
 * The people `body` mentions, who must all be members of the workspace. A stranger is a 400 at
 * body.body that names no one, so nothing about other workspaces' people leaks.
 */
async function mentionedMembers(db: Queryable, workspaceId: string, body: string): Promise<string[]> {
  const ids = parseMentions(body).map((m) => m.userId);
  await assertMembersAt(db, workspaceId, 'body.body', ids, 'mentions someone who is not a member of this workspace');
  return ids;
}

async function loadComment(db: Queryable, workspaceId: string, id: string): Promise<Row> {
  const [row] = await db.select().from(comments).where(and(eq(comments.workspaceId, workspaceId), eq(comments.id, id))).for('update');
  if (!row) throw notFound('Comment');
  return row;
}

/** What the audit log keeps of a comment: its parent (so the entity's activity lists it) and its text. */
const auditSnapshot = (c: Row) => ({ entityType: c.entityType, entityId: c.entityId, authorUserId: c.authorUserId, body: c.body, mentionedUserIds: c.mentionedUserIds });

async function presentOne(db: Queryable, row: Row, caller: Caller) {
  return present(row, await namesFor(db, [row]), caller);
}

/**
 * Adds a comment: the author becomes a watcher, mentioned members hear of it as a mention, the
 * other watchers as a new comment.
 */
export async function createComment(tx: Queryable, audit: AuditContext, workspaceId: string, caller: Caller, input: TCreateComment) {
  const ref = { entityType: input.entityType, entityId: input.entityId };
  const entity = await requireEntity(tx, workspaceId, ref, 'body');
  const mentioned = await mentionedMembers(tx, workspaceId, input.body);
  const [row] = await tx.insert(comments).values({
    workspaceId, ...ref, authorUserId: caller.userId, body: input.body, bodyHtml: renderComment(input.body), mentionedUserIds: mentioned,
  }).returning();
  await recordAudit(tx, audit, { workspaceId, action: 'comment.create', entityType: 'comment', entityId: row!.id, after: auditSnapshot(row!) });
  await startWatching(tx, workspaceId, caller.userId, ref);
  const on = `${entity.label} “${entity.title}”`;
  const base = { workspaceId, actorUserId: caller.userId, entity: { type: ref.entityType, id: ref.entityId }, body: commentPreview(input.body) };
  const toldOfMention = await notify(tx, { ...base, kind: 'comment.mention', recipients: mentioned, title: `${caller.name} mentioned you on ${on}` });
  const watchers = (await watchersOf(tx, workspaceId, ref)).filter((u) => !mentioned.includes(u) && !toldOfMention.includes(u));
  await notify(tx, { ...base, kind: 'watch.comment', recipients: watchers, title: `${caller.name} commented on ${on}` });
  return presentOne(tx, row!, caller);
}

/** Edits one's own comment; only people newly mentioned by the edit are notified. */
export async function updateComment(tx: Queryable, audit: AuditContext, workspaceId: string, caller: Caller, id: string, body: string) {
  const before = await loadComment(tx, workspaceId, id);
  if (before.authorUserId !== caller.userId) throw forbidden('Only the author can edit a comment.');
  if (before.deletedAt) throw conflict('This comment was deleted.');
  const mentioned = await mentionedMembers(tx, workspaceId, body);
  if (body === before.body) return presentOne(tx, before, caller);
  const [row] = await tx.update(comments)
    .set({ body, bodyHtml: renderComment(body), mentionedUserIds: mentioned, editedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(comments.id, id))
    .returning();
  await recordAudit(tx, audit, { workspaceId, action: 'comment.update', entityType: 'comment', entityId: id, before: auditSnapshot(before), after: auditSnapshot(row!) });
  const fresh = addedMentions(before.mentionedUserIds, mentioned);
  if (fresh.length > 0) {
    const entity = await requireEntity(tx, workspaceId, { entityType: row!.entityType, entityId: row!.entityId }, 'body');
    await notify(tx, {
      workspaceId, kind: 'comment.mention', recipients: fresh, actorUserId: caller.userId, entity: { type: row!.entityType, id: row!.entityId },
      title: `${caller.name} mentioned you on ${entity.label} “${entity.title}”`, body: commentPreview(body),
    });
  }
  return presentOne(tx, row!, caller);
}

/**
 * Deletes a comment (its author, or an admin): the text is cleared and the comment shows as
 * deleted; the audit log keeps what it said. Deleting a deleted comment changes nothing.
 */
export async function deleteComment(tx: Queryable, audit: AuditContext, workspaceId: string, caller: Caller, id: string): Promise<void> {
  const before = await loadComment(tx, workspaceId, id);
  const mayDelete = before.authorUserId === caller.userId || can(caller.role, 'workspace.manage');
  if (!mayDelete) throw forbidden('Only the author or an admin can delete a comment.');
  if (before.deletedAt) return;
  const [row] = await tx.update(comments)
    .set({ body: '', bodyHtml: '', mentionedUserIds: [], deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(comments.id, id))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'comment.delete', entityType: 'comment', entityId: id, before: auditSnapshot(before), after: { ...auditSnapshot(row!), deletedAt: row!.deletedAt },
  });
}
