import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { activitySummary, changedFields, snapshotTitle, type TActivityItem } from '../../../domain/collaboration/activity';
import type { Queryable } from '../../platform/db/client';
import { CursorTime, after, decodeCursor, exactTime, page } from '../../platform/http/pagination';
import { auditLog, users } from '../../platform/tables';
import { entityKind, sharedKinds } from '../entities';
import { comments } from '../tables';

const ActivityCursor = z.tuple([CursorTime, z.number().int().positive()]);

export interface ActivityFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
}

type Entry = typeof auditLog.$inferSelect;
type Row = { e: Entry; actorName: string | null; sortAt: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (snap: unknown, key: string): string | null => (isRecord(snap) && typeof snap[key] === 'string' ? snap[key] : null);
const label = (type: string) => entityKind(type)?.label ?? type.replace(/[_-]/g, ' ');

/** The entity an entry is about, for titles and links: a comment's entry points at the commented item. */
function subjectOf(e: Entry): { type: string; id: string } {
  if (e.entityType === 'comment') {
    const type = field(e.after, 'entityType') ?? field(e.before, 'entityType');
    const id = field(e.after, 'entityId') ?? field(e.before, 'entityId');
    if (type && id) return { type, id };
  }
  return { type: e.entityType, id: e.entityId };
}

/** Current titles of the registered items and names of the members the rows are about. */
async function titlesFor(db: Queryable, workspaceId: string, rows: Row[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { e } of rows) {
    const s = subjectOf(e);
    if (!entityKind(s.type) && s.type !== 'member') continue;
    if (!byType.has(s.type)) byType.set(s.type, new Set());
    byType.get(s.type)!.add(s.id);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const kind = entityKind(type);
    const found = kind
      ? await kind.titles(db, workspaceId, [...ids])
      : new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]))).map((u) => [u.id, u.name]));
    for (const [id, title] of found) out.set(`${type}:${id}`, title);
  }
  return out;
}

function present({ e, actorName }: Row, titles: Map<string, string>): TActivityItem {
  const s = subjectOf(e);
  const isComment = e.entityType === 'comment';
  // Titles come from the registry (current) or from a snapshot's title/name; never other values.
  const title = titles.get(`${s.type}:${s.id}`) ?? (isComment ? null : snapshotTitle(e.after, e.before));
  const kind = entityKind(s.type);
  return {
    id: String(e.id), at: e.at.toISOString(),
    actor: e.actorUserId ? { id: e.actorUserId, name: actorName ?? 'Former user' } : null,
    action: e.action, entityType: e.entityType, entityId: e.entityId, entityTitle: title,
    link: kind ? kind.path(s.id) : null,
    summary: activitySummary({
      actorName: e.actorUserId ? (actorName ?? 'Former user') : null, action: e.action, label: label(e.entityType), title,
      parent: isComment && s.type !== 'comment' ? { label: label(s.type), title } : null,
    }),
    changedFields: isComment ? [] : changedFields(e.before, e.after),
  };
}

/** The workspace's activity (or one item's, with its comments), newest first, from the audit log. */
export async function listActivity(db: Queryable, workspaceId: string, filter: ActivityFilter, limit: number, cursor?: string) {
  const c = decodeCursor(cursor, ActivityCursor);
  // Only what every member may hear of (entities.ts: sharedWithMembers); sessions, tokens,
  // accounts, invitations, webhooks, the outbox and watches are for their owner or the admins.
  const shared = sharedKinds();
  let about: SQL | undefined;
  if (filter.entityType || filter.entityId) {
    const commentsOn = db
      .select({ id: sql`${comments.id}::text` })
      .from(comments)
      .where(and(
        eq(comments.workspaceId, workspaceId),
        filter.entityType ? eq(comments.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(comments.entityId, filter.entityId) : undefined,
      ));
    about = or(
      and(
        filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
      ),
      and(eq(auditLog.entityType, 'comment'), inArray(auditLog.entityId, commentsOn)),
    );
  }
  const rows = await db
    .select({ e: auditLog, actorName: users.name, sortAt: exactTime(auditLog.at) })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(
      eq(auditLog.workspaceId, workspaceId),
      inArray(auditLog.entityType, shared),
      about,
      filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
      c ? after([auditLog.at, auditLog.id], [sql`${c[0]}::timestamptz`, sql`${c[1]}::bigint`], 'desc') : undefined,
    ))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const titles = await titlesFor(db, workspaceId, shown);
  return page(rows, limit, (r) => present(r, titles), (r) => [r.sortAt, r.e.id]);
}
