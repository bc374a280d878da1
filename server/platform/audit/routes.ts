import { and, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { listOf } from '../../../domain/common';
import { AuditEntry, AuditLogQuery, WorkspaceParams, type TAuditEntry } from '../../../domain/platform/schemas';
import type { RouteModule } from '../http/context';
import { invalidField } from '../http/errors';
import { CursorTime, after, decodeCursor, exactTime, page } from '../http/pagination';
import { auditLog, users } from '../tables';

const tags = ['Audit log'];
const AuditCursor = z.tuple([CursorTime, z.number().int().positive()]);

/** `LIKE` pattern for "starts with": the filter's own % and _ are literal. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

type Row = { e: typeof auditLog.$inferSelect; actorName: string | null; sortAt: string };

function presentEntry({ e, actorName }: Row): TAuditEntry {
  return {
    id: String(e.id), at: e.at.toISOString(), actor: { userId: e.actorUserId, name: actorName, tokenId: e.actorTokenId },
    action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null,
    requestId: e.requestId,
  };
}

/** Who changed what in a workspace, newest first. */
export const auditRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/audit-log', {
    schema: {
      tags,
      summary: 'Audit log of the workspace, newest first; filter by entity, actor, action prefix (e.g. "goal.") and time [from, to)',
      params: WorkspaceParams, querystring: AuditLogQuery, response: { 200: listOf(AuditEntry) },
    },
    config: { permission: 'audit.read' },
  }, async (req) => {
    const q = req.query;
    if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from)) throw invalidField('query.to', 'must be after from');
    const cursor = decodeCursor(q.cursor, AuditCursor);
    const rows = await db
      .select({ e: auditLog, actorName: users.name, sortAt: exactTime(auditLog.at) })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(
        eq(auditLog.workspaceId, req.workspace!.id),
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
        q.action ? like(auditLog.action, startsWith(q.action)) : undefined,
        q.from ? gte(auditLog.at, sql`${q.from}::timestamptz`) : undefined,
        q.to ? lt(auditLog.at, sql`${q.to}::timestamptz`) : undefined,
        cursor ? after([auditLog.at, auditLog.id], [sql`${cursor[0]}::timestamptz`, sql`${cursor[1]}::bigint`], 'desc') : undefined,
      ))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.limit + 1);
    return page(rows, q.limit, presentEntry, (r) => [r.sortAt, r.e.id]);
  });
};
