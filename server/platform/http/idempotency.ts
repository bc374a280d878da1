import { createHash } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../tables';
import { AppError, conflict, invalidField } from './errors';

const HEADER = 'idempotency-key';
/** A key is kept this long; a retry after that runs again. */
const KEEP_HOURS = 24;
/** A claim still unanswered after this long belongs to a request that died: the retry runs. */
const ABANDONED_MINUTES = 5;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const bodyHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response is kept; a retry
 * with the same key and body gets the kept response without running again; a retry while the
 * first is still running gets 409; the key reused for another request or body is a 422. Keys are
 * per user. A response that holds a secret (route config `secretResponse`) is not kept: its
 * retry gets 409 instead of a second copy of the secret.
 */
export function idempotency(db: Db) {
  async function preHandler(req: FastifyRequest, reply: FastifyReply) {
    req.idempotencyKey = null;
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length < 1 || key.length > 200) throw invalidField('headers.idempotency-key', 'must be 1 to 200 characters');
    const path = req.url.split('?')[0]!;
    const userId = req.actor.userId;
    const requestHash = bodyHash(req.body);
    const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
    const [claimed] = await db
      .insert(idempotencyKeys)
      .values({ userId, key, method: req.method, path, requestHash, status: 0 })
      .onConflictDoUpdate({
        target: [idempotencyKeys.userId, idempotencyKeys.key],
        set: { method: req.method, path, requestHash, status: 0, body: null, createdAt: sql`now()` },
        // Only an expired key or an abandoned claim is taken over.
        setWhere: or(
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`),
          and(eq(idempotencyKeys.status, 0), lt(idempotencyKeys.createdAt, sql`now() - make_interval(mins => ${ABANDONED_MINUTES})`)),
        ),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed) {
      req.idempotencyKey = key;
      return;
    }
    const [kept] = await db.select().from(idempotencyKeys).where(mine);
    if (!kept) return;
    if (kept.method !== req.method || kept.path !== path || kept.requestHash !== requestHash) {
      throw new AppError(422, 'Idempotency key reused', 'This Idempotency-Key was used for a different request.');
    }
    if (kept.status === 0) throw conflict('A request with this Idempotency-Key is still being processed.');
    if (req.routeOptions.config.secretResponse) {
      throw conflict('This request already succeeded; its response held a secret that is shown only once.');
    }
    reply.header('idempotent-replayed', 'true');
    return reply.code(kept.status).type(kept.status >= 400 ? 'application/problem+json' : 'application/json').send(kept.body);
  }

  async function onSend(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const key = req.idempotencyKey;
    if (!key || !req.actor) return payload;
    const mine = and(eq(idempotencyKeys.userId, req.actor.userId), eq(idempotencyKeys.key, key));
    if (reply.statusCode >= 500) {
      // A server failure is not an answer: let the retry run.
      await db.delete(idempotencyKeys).where(mine);
      return payload;
    }
    let body: unknown = null;
    if (!req.routeOptions.config.secretResponse && typeof payload === 'string' && payload) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = null;
      }
    }
    await db.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(mine);
    return payload;
  }

  return { preHandler, onSend };
}
