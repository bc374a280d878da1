import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TRole, WorkspacePermission } from '../../../domain/platform/roles';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { EventHub } from '../events/hub';

/** Who is calling: a signed-in user through a session cookie or an API token. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  sessionId: string | null;
  tokenId: string | null;
  /** 'session' for the browser; a token's scope otherwise. */
  scope: 'session' | 'read' | 'read_write';
}

/** The workspace named by the route's `:ws`, resolved through the caller's membership. */
export interface WorkspaceContext {
  id: string;
  slug: string;
  name: string;
  currency: string;
  role: TRole;
  archivedAt: Date | null;
}

/** What a route needs: 'public' (anyone), 'user' (signed in), or a workspace permission. */
export type RoutePermission = 'public' | 'user' | WorkspacePermission;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Why an offered credential was not accepted (expired, revoked), for a precise 401. */
    authProblem: string | null;
    workspace: WorkspaceContext | null;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** The response holds a secret shown once: an Idempotency-Key retry is not answered with it. */
    secretResponse?: boolean;
  }
}

/** Services shared by every route, fixed when the app is built. */
export interface AppServices {
  config: Config;
  database: Database;
  /** Set when the process begins shutting down; readiness turns 503. */
  state: { shuttingDown: boolean };
  /** Live events of this process (server-sent to open pages); buildApp starts one when not given. */
  events: EventHub;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A route module: registers one area's routes on the API scope. */
export type RouteModule = (app: App, services: AppServices) => void;
