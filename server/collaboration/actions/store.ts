import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  CreateActionItem, dueBucketRange, utcDate, type TActionItem, type TActionItemListQuery, type TCreateActionItemInput, type TUpdateActionItem,
} from '../../../domain/collaboration/actions';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { invalidField, notFound } from '../../platform/http/errors';
import { after, containsPattern, CursorTime, decodeCursor, exactTime, page } from '../../platform/http/pagination';
import { assertArchiveChange, assertEditable, changedFields } from '../../platform/lifecycle';
import { assertMembers } from '../../platform/members/references';
import { users } from '../../platform/tables';
import { entityKind } from '../entities';
import { notify } from '../notify';
import { actionItems } from '../tables';

type Row = typeof actionItems.$inferSelect;

/** Owner names and source titles for rows, read in one query per kind. */
async function describe(db: Queryable, workspaceId: string, rows: Row[]): Promise<TActionItem[]> {
  const ownerIds = [...new Set(rows.map((r) => r.ownerUserId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  if (ownerIds.length > 0) {
    const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds));
    for (const u of found) names.set(u.id, u.name);
  }
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) if (r.sourceType && r.sourceId) idsByType.set(r.sourceType, (idsByType.get(r.sourceType) ?? new Set()).add(r.sourceId));
  const titles = new Map<string, Map<string, string>>();
  for (const [type, ids] of idsByType) {
    const kind = entityKind(type);
    titles.set(type, kind ? await kind.titles(db, workspaceId, [...ids]) : new Map<string, string>());
  }
  return rows.map((r) => present(r, names, titles));
}

function present(r: Row, names: Map<string, string>, titles: Map<string, Map<string, string>>): TActionItem {
  const kind = r.sourceType ? entityKind(r.sourceType) : undefined;
  return {
    id: r.id, title: r.title, description: r.description, ownerUserId: r.ownerUserId,
    ownerName: r.ownerUserId ? (names.get(r.ownerUserId) ?? null) : null,
    dueDate: r.dueDate, status: r.status,
    source: r.sourceType && r.sourceId
      ? { type: r.sourceType, id: r.sourceId, title: titles.get(r.sourceType)?.get(r.sourceId) ?? null, path: kind ? kind.path(r.sourceId) : null }
      : null,
    createdByUserId: r.createdByUserId,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null, archivedAt: r.archivedAt?.toISOString() ?? null,
  };
}

async function describedById(db: Queryable, workspaceId: string, rows: Row[]): Promise<Map<string, TActionItem>> {
  return new Map((await describe(db, workspaceId, rows)).map((a) => [a.id, a]));
}

async function describeOne(db: Queryable, workspaceId: string, row: Row): Promise<TActionItem> {
  return (await describe(db, workspaceId, [row]))[0]!;
}

/** The list's filters, as the route resolved them (`owner: 'me'` already the caller's id). */
export type ActionItemFilter = Omit<TActionItemListQuery, 'limit' | 'cursor'>;

// Sort keys: newest = (created_at, id) descending; due = (due date or 9999-12-31, id) ascending.
const NO_DATE = '9999-12-31';
const dueKey = sql<string>`coalesce(${actionItems.dueDate}, ${NO_DATE}::date)`;
const DueCursor = z.tuple([z.iso.date(), z.uuid()]);
const NewestCursor = z.tuple([CursorTime, z.uuid()]);

function conditions(workspaceId: string, f: ActionItemFilter): (SQL | undefined)[] {
  const today = f.today ?? utcDate(new Date());
  const range = f.due ? dueBucketRange(f.due, today) : undefined;
  return [
    eq(actionItems.workspaceId, workspaceId),
    f.includeArchived ? undefined : isNull(actionItems.archivedAt),
    f.owner === 'none' ? isNull(actionItems.ownerUserId) : f.owner ? eq(actionItems.ownerUserId, f.owner) : undefined,
    f.status ? inArray(actionItems.status, f.status) : undefined,
    f.sourceType ? eq(actionItems.sourceType, f.sourceType) : undefined,
    f.sourceId ? eq(actionItems.sourceId, f.sourceId) : undefined,
    range?.none ? isNull(actionItems.dueDate) : undefined,
    range?.from ? gte(actionItems.dueDate, range.from) : undefined,
    range?.to ? lte(actionItems.dueDate, range.to) : undefined,
    f.q ? or(ilike(actionItems.title, containsPattern(f.q)), ilike(actionItems.description, containsPattern(f.q))) : undefined,
  ];
}

/** A page of the workspace's action items, newest first or by due date (earliest first, undated last). */
export async function listActionItems(db: Queryable, workspaceId: string, f: ActionItemFilter, limit: number, cursor: string | undefined) {
  const where = conditions(workspaceId, f);
  if (f.sort === 'due') {
    const key = decodeCursor(cursor, DueCursor);
    if (key) where.push(after([dueKey, actionItems.id], [sql`${key[0]}::date`, sql`${key[1]}::uuid`], 'asc'));
    const rows = await db.select({ a: actionItems, key: sql<string>`${dueKey}::text` }).from(actionItems)
      .where(and(...where)).orderBy(asc(dueKey), asc(actionItems.id)).limit(limit + 1);
    const items = await describedById(db, workspaceId, rows.slice(0, limit).map((r) => r.a));
    return page(rows, limit, (r) => items.get(r.a.id)!, (r) => [r.key, r.a.id]);
  }
  const key = decodeCursor(cursor, NewestCursor);
  if (key) where.push(after([actionItems.createdAt, actionItems.id], [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`], 'desc'));
  const rows = await db.select({ a: actionItems, at: exactTime(actionItems.createdAt) }).from(actionItems)
    .where(and(...where)).orderBy(desc(actionItems.createdAt), desc(actionItems.id)).limit(limit + 1);
  const items = await describedById(db, workspaceId, rows.slice(0, limit).map((r) => r.a));
  return page(rows, limit, (r) => items.get(r.a.id)!, (r) => [r.at, r.a.id]);
}

/** The item (locked for update when `lock`); another workspace's id is not found. */
async function load(db: Queryable, workspaceId: string, id: string, lock = false): Promise<Row> {
  const q = db.select().from(actionItems).where(and(eq(actionItems.workspaceId, workspaceId), eq(actionItems.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Action item');
  return row;
}

export async function getActionItem(db: Queryable, workspaceId: string, id: string): Promise<TActionItem> {
  return describeOne(db, workspaceId, await load(db, workspaceId, id));
}

/** The source must be an entity of a registered kind that exists in this workspace. */
async function assertSource(db: Queryable, workspaceId: string, type: string | null | undefined, id: string | null | undefined) {
  if (!type || !id) return;
  const kind = entityKind(type);
  if (!kind || type === 'action_item') throw invalidField('body.sourceType', 'is not a kind of item that can hold action items');
  if (!(await kind.titles(db, workspaceId, [id])).has(id)) throw invalidField('body.sourceId', `is not a ${kind.label} of this workspace`);
}

/** Tells the new owner, unless they assigned it to themselves. */
async function notifyAssigned(tx: Queryable, audit: AuditContext, workspaceId: string, item: TActionItem) {
  if (!item.ownerUserId || item.ownerUserId === audit.actorUserId) return;
  const [actor] = audit.actorUserId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, audit.actorUserId)).limit(1)
    : [];
  await notify(tx, {
    workspaceId, kind: 'action.assigned', recipients: [item.ownerUserId], actorUserId: audit.actorUserId,
    entity: { type: 'action_item', id: item.id },
    title: actor ? `${actor.name} assigned you “${item.title}”` : `You were assigned “${item.title}”`,
    body: [item.dueDate && `Due ${item.dueDate}`, item.source?.title && `From ${item.source.title}`].filter(Boolean).join(' · '),
  });
}

/**
 * Creates an action item in the caller's transaction: checks owner and source, audits it and
 * tells the owner. Other areas (reviews, meetings…) call this with their own entity as source;
 * defaults (open, no owner, no date) are filled in, so `{ title, sourceType, sourceId }` is enough.
 */
export async function createActionItem(tx: Queryable, audit: AuditContext, workspaceId: string, given: TCreateActionItemInput): Promise<TActionItem> {
  const input = CreateActionItem.parse(given);
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertSource(tx, workspaceId, input.sourceType, input.sourceId);
  const [row] = await tx.insert(actionItems).values({
    ...input, workspaceId, createdByUserId: audit.actorUserId, completedAt: input.status === 'done' ? sql`now()` : null,
  }).returning();
  const out = await describeOne(tx, workspaceId, row!);
  await recordAudit(tx, audit, { workspaceId, action: 'action_item.create', entityType: 'action_item', entityId: row!.id, after: out });
  await notifyAssigned(tx, audit, workspaceId, out);
  return out;
}

export async function updateActionItem(
  tx: Queryable, audit: AuditContext, workspaceId: string, id: string, input: TUpdateActionItem,
): Promise<TActionItem> {
  const before = await load(tx, workspaceId, id, true);
  assertEditable(before, 'action item');
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return describeOne(tx, workspaceId, before);
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': changes.ownerUserId });
  if (changes.sourceType !== undefined || changes.sourceId !== undefined) await assertSource(tx, workspaceId, input.sourceType, input.sourceId);
  const status = changes.status;
  const completedAt = status === undefined ? undefined : status === 'done' ? sql`now()` : null;
  const [row] = await tx.update(actionItems)
    .set({ ...changes, ...(completedAt !== undefined && { completedAt }), updatedAt: sql`now()` })
    .where(eq(actionItems.id, id)).returning();
  const [was, out] = await describe(tx, workspaceId, [before, row!]);
  await recordAudit(tx, audit, { workspaceId, action: 'action_item.update', entityType: 'action_item', entityId: id, before: was, after: out });
  if (changes.ownerUserId) await notifyAssigned(tx, audit, workspaceId, out!);
  return out!;
}

/** Archives (archive = true) or restores an action item. */
export async function setActionItemArchived(tx: Queryable, audit: AuditContext, workspaceId: string, id: string, archive: boolean): Promise<TActionItem> {
  const before = await load(tx, workspaceId, id, true);
  assertArchiveChange(before, archive, 'action item');
  const [row] = await tx.update(actionItems)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(actionItems.id, id)).returning();
  const [was, out] = await describe(tx, workspaceId, [before, row!]);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'action_item.archive' : 'action_item.restore', entityType: 'action_item', entityId: id, before: was, after: out,
  });
  return out!;
}
