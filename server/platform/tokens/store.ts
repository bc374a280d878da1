import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TListQuery } from '../../../domain/common';
import type { TApiToken } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import { newSecret, secretHash } from '../auth/secrets';
import type { Queryable } from '../db/client';
import { invalidField, notFound } from '../http/errors';
import { afterNewestCursor, exactTime, page } from '../http/pagination';
import { apiTokens } from '../tables';

type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Personal API tokens start with this, so they are easy to recognise (and to scan for in leaks). */
export const TOKEN_PREFIX = 'tdm_';

export function presentApiToken(t: ApiTokenRow): TApiToken {
  return {
    id: t.id, name: t.name, scope: t.scope, prefix: t.prefix, expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

const sortAt = exactTime(apiTokens.createdAt);

/** The user's tokens that are not revoked (expired ones included), newest first. */
export async function listApiTokens(db: Queryable, userId: string, q: TListQuery) {
  const rows = await db
    .select({ t: apiTokens, sortAt })
    .from(apiTokens)
    .where(and(
      eq(apiTokens.userId, userId),
      isNull(apiTokens.revokedAt),
      afterNewestCursor(q.cursor, apiTokens.createdAt, apiTokens.id),
    ))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => presentApiToken(r.t), (r) => [r.sortAt, r.t.id]);
}

/** The last instant of a `YYYY-MM-DD` day in UTC: a token works through the whole of its last day. */
export function endOfDayUtc(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

/**
 * Creates a token for userId and returns it with its secret, which only this response shows
 * (the row keeps its SHA-256 and its first 12 characters to recognise it by).
 */
export async function createApiToken(
  tx: Queryable,
  audit: AuditContext,
  userId: string,
  input: { name: string; scope: 'read' | 'read_write'; expiresOn: string | null },
): Promise<{ token: ApiTokenRow; secret: string }> {
  if (input.expiresOn !== null && input.expiresOn < new Date().toISOString().slice(0, 10)) {
    throw invalidField('body.expiresOn', 'must be today or later');
  }
  const secret = newSecret(TOKEN_PREFIX);
  const [token] = await tx
    .insert(apiTokens)
    .values({
      userId, name: input.name, scope: input.scope, tokenHash: secretHash(secret), prefix: secret.slice(0, 12),
      expiresAt: input.expiresOn === null ? null : endOfDayUtc(input.expiresOn),
    })
    .returning();
  await recordAudit(tx, audit, { workspaceId: null, action: 'api_token.create', entityType: 'api_token', entityId: token!.id, after: presentApiToken(token!) });
  return { token: token!, secret };
}

/** Revokes one of the user's tokens; someone else's (or one already revoked) is a 404. */
export async function revokeApiToken(tx: Queryable, audit: AuditContext, userId: string, id: string): Promise<void> {
  const [before] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .for('update');
  if (!before) throw notFound('API token');
  const [after] = await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, id)).returning();
  await recordAudit(tx, audit, {
    workspaceId: null, action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: presentApiToken(before), after: presentApiToken(after!),
  });
}
