import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../tables';
import { AppError, conflict } from './errors';

const HEADER = 'idempotency-key';
/** A key is kept this long; a retry after that runs again. */
const KEEP_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response is kept; a retry
 * with the same key gets the kept response without running again; a retry while the first is
 * still running gets 409. A key reused for a different request is a 422. Keys are per user.
 */
export function idempotency(db: Db) {
  async function preHandler(req: FastifyRequest, reply: FastifyReply) {
    req.idempotencyKey = null;
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length < 1 || key.length > 200) {
      throw new AppError(400, 'Validation failed', 'headers.idempotency-key: must be 1 to 200 characters', [
        { path: 'headers.idempotency-key', message: 'must be 1 to 200 characters' },
      ]);
    }
    const path = req.url.split('?')[0]!;
    const userId = req.actor.userId;
    const [claimed] = await db
      .insert(idempotencyKeys)
      .values({ userId, key, method: req.method, path, status: 0 })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed) {
      req.idempotencyKey = key;
      // Expired keys are removed as new ones arrive.
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`)));
      return;
    }
    const [kept] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!kept) return;
    if (kept.method !== req.method || kept.path !== path) {
      throw new AppError(422, 'Idempotency key reused', 'This Idempotency-Key was used for a different request.');
    }
    if (kept.status === 0) throw conflict('A request with this Idempotency-Key is still being processed.');
    reply.header('idempotent-replayed', 'true');
    return reply.code(kept.status).type(kept.status >= 400 ? 'application/problem+json' : 'application/json').send(kept.body);
  }

  async function onSend(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const key = req.idempotencyKey;
    if (!key || !req.actor) return payload;
    const where = and(eq(idempotencyKeys.userId, req.actor.userId), eq(idempotencyKeys.key, key));
    if (reply.statusCode >= 500) {
      // A server failure is not an answer: let the retry run.
      await db.delete(idempotencyKeys).where(where);
    } else {
      let body: unknown;
      try {
        body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
      } catch {
        body = null;
      }
      await db.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(where);
    }
    return payload;
  }

  return { preHandler, onSend };
}
