import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { migrationsApplied } from '../db/migrate';
import type { AppServices } from '../http/context';

/** Liveness, readiness and Prometheus metrics (outside /api, no auth: for the load balancer). */
export function opsRoutes(app: FastifyInstance, { database, state }: AppServices, registry: Registry) {
  app.get('/healthz', { config: { permission: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { permission: 'public' }, logLevel: 'warn' }, async (_req, reply) => {
    if (state.shuttingDown) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await database.pool.query('select 1');
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
    if (!(await migrationsApplied(database.pool))) return reply.code(503).send({ status: 'migrations_pending' });
    return { status: 'ready' };
  });

  app.get('/metrics', { config: { permission: 'public' }, logLevel: 'warn' }, async (_req, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
