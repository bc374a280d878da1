import path from 'node:path';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authenticate } from './platform/auth/authenticate';
import { authorize, checkOrigin } from './platform/auth/authorize';
import type { App, AppServices, RoutePermission } from './platform/http/context';
import { errorHandler, notFoundHandler } from './platform/http/errors';
import { idempotency } from './platform/http/idempotency';
import { EventHub } from './platform/events/hub';
import { registerCollaborationListeners } from './collaboration/listeners';
import { responseSerializer } from './platform/http/serialize';
import { acceptEmptyJsonBody, fastifyTrustProxy, logRequest, securityHeaders } from './platform/ops/http';
import { registerMetrics } from './platform/ops/metrics';
import { opsRoutes } from './platform/ops/routes';
import { isClientRoute, serveWebFiles } from './platform/ops/web';
import { apiRoutes } from './routes';
import { invalidateWorkspaceCaches } from './platform/cache/workspace-cache';

const webDist = path.resolve(import.meta.dirname, '..', 'dist', 'web');

/** One API route and the permission it names: the source of the authorisation matrix test. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  /**
   * Validate every response against its zod schema before sending it (default true: the tests).
   * The server process turns it off; responses are still written by their schema.
   */
  checkResponses?: boolean;
  /** Where the built web app is (default dist/web); tests point it at a fixture. */
  webRoot?: string;
}

/** Builds the Fastify app: API under /api/v1, docs, ops endpoints and the web app. */
export async function buildApp(parts: Omit<AppServices, 'events'> & { events?: EventHub }, opts: BuildOptions = {}) {
  registerCollaborationListeners();
  const services: AppServices = { ...parts, events: parts.events ?? new EventHub(parts.database.url) };
  const { config, database } = services;
  const given = typeof opts.logger === 'object' ? opts.logger : {};
  const app = Fastify({
    // Request lines are logged without invitation secrets.
    logger: opts.logger === false ? false : { level: config.logLevel, ...given, serializers: { req: logRequest, ...given.serializers } },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a reverse proxy, req.ip (login rate limit, audit) is the client's only if the proxy is trusted.
    trustProxy: fastifyTrustProxy(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(opts.checkResponses ?? true));
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  securityHeaders(app);
  acceptEmptyJsonBody(app);

  // Every route states what it needs; a route without a permission fails the start.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/v1') || route.method === 'HEAD') return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${url} names no permission`);
    for (const method of [route.method].flat()) routeTable.push({ method, url, permission });
  });
  app.decorate('routeTable', routeTable);

  await app.register(cookie);
  const registry = registerMetrics(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tandem API', version: '1', description: 'Business–IT alignment workspace. Errors are application/problem+json (RFC 9457).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (tdm_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  opsRoutes(app, services, registry);

  await app.register(
    (api: App, _opts, done) => {
      // Who is calling, then may they: both before the body is validated, so a caller without
      // the right learns nothing about the schema and a refused request is refused the same way.
      api.addHook('onRequest', authenticate(database.db, config));
      api.addHook('preValidation', async (req) => {
        checkOrigin(config, req);
      });
      api.addHook('preValidation', authorize(database.db));
      const idem = idempotency(database.db);
      api.addHook('preHandler', idem.preHandler);
      api.addHook('onSend', idem.onSend);
      // A change has committed when its answer goes out: derived figures of the workspace are stale.
      api.addHook('onSend', async (req, _reply, payload) => {
        if (req.method !== 'GET' && req.method !== 'HEAD' && req.workspace) invalidateWorkspaceCaches(req.workspace.id);
        return payload;
      });
      for (const register of apiRoutes) register(api, services);
      done();
    },
    { prefix: '/api/v1' },
  );

  const webRoot = opts.webRoot ?? webDist;
  const hasWeb = opts.serveWeb !== false && (await serveWebFiles(app, webRoot));
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (and /) get the app's index.html; everything else a problem.
    if (hasWeb && isClientRoute(req)) return reply.sendFile('index.html', webRoot);
    return notFoundHandler(req, reply);
  });

  // Live events: listening from the start; on close every open stream ends (before the
  // server waits for connections), so shutdown is not held up by event streams.
  services.events.setLogger(app.log);
  await services.events.start();
  app.addHook('preClose', async () => {
    await services.events.stop();
  });
  return app;
}
