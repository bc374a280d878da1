import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { apiTokens, sessions, users } from '../tables';
import { secretHash } from './secrets';
import { setSessionCookie } from './sessions';

export const SESSION_COOKIE = 'tandem_session';
export const SESSION_DAYS = 30;

/** Reads the session cookie or bearer token and sets req.actor (or req.authProblem). */
export function authenticate(db: Db, config: Config) {
  // Every request runs one of these two lookups: named prepared statements, parsed and planned
  // once per connection.
  const tokenByHash = db
    .select({ token: apiTokens, user: { id: users.id, name: users.name, email: users.email } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('tandem_token_by_hash');
  const sessionByHash = db
    .select({ session: sessions, user: { id: users.id, name: users.name, email: users.email } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('tandem_session_by_hash');

  return async function onRequest(req: FastifyRequest, reply: FastifyReply) {
    req.actor = null;
    req.authProblem = null;
    req.workspace = null;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) {
        req.authProblem = 'The Authorization header must be "Bearer <token>".';
        return;
      }
      const [row] = await tokenByHash.execute({ hash: secretHash(m[1]!) });
      if (!row) req.authProblem = 'The API token is not valid.';
      else if (row.token.revokedAt) req.authProblem = 'The API token has been revoked.';
      else if (row.token.expiresAt && row.token.expiresAt <= new Date()) req.authProblem = 'The API token has expired.';
      else {
        req.actor = { userId: row.user.id, name: row.user.name, email: row.user.email, sessionId: null, tokenId: row.token.id, scope: row.token.scope };
        // last-used time, written at most once a minute per token.
        if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
          await db
            .update(apiTokens)
            .set({ lastUsedAt: sql`now()` })
            .where(and(eq(apiTokens.id, row.token.id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
        }
      }
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const [row] = await sessionByHash.execute({ hash: secretHash(cookie) });
    if (!row || row.session.revokedAt) {
      req.authProblem = 'Your session has ended. Sign in again.';
      return;
    }
    if (row.session.expiresAt <= new Date()) {
      req.authProblem = 'Your session has expired. Sign in again.';
      return;
    }
    req.actor = { userId: row.user.id, name: row.user.name, email: row.user.email, sessionId: row.session.id, tokenId: null, scope: 'session' };
    // Sliding expiry, refreshed at most once a minute, in the database and in the browser.
    if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
      const [renewed] = await db
        .update(sessions)
        .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(days => ${SESSION_DAYS})` })
        .where(and(eq(sessions.id, row.session.id), isNull(sessions.revokedAt), lt(sessions.lastSeenAt, sql`now() - interval '1 minute'`)))
        .returning({ expiresAt: sessions.expiresAt });
      if (renewed) setSessionCookie(reply, config, cookie, renewed.expiresAt);
    }
  };
}
