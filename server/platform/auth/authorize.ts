import { and, eq, sql } from 'drizzle-orm';
import { looksLikeId } from '../../../domain/common';
import type { FastifyRequest } from 'fastify';
import { can } from '../../../domain/platform/roles';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { AppError, conflict, forbidden, notFound, unauthorized } from '../http/errors';
import { memberships, workspaces } from '../tables';
import { SESSION_COOKIE } from './authenticate';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages: the Origin header (or, failing
 * that, the Referer) must be the app's origin. Bearer-token calls carry no ambient credential.
 */
export function checkOrigin(config: Config, req: FastifyRequest): void {
  if (SAFE.has(req.method) || req.headers.authorization) return;
  const origin = req.headers.origin ?? (req.headers.referer ? safeOrigin(req.headers.referer) : undefined);
  const allowed = new Set([new URL(config.baseUrl).origin, `${req.protocol}://${req.headers.host ?? ''}`]);
  if (origin !== undefined && allowed.has(origin)) return;
  if (origin === undefined && !req.cookies[SESSION_COOKIE]) return; // no cookie, nothing to forge
  throw new AppError(403, 'Cross-site request refused', 'This request did not come from a Tandem page (Origin check).');
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Enforces the route's permission; for workspace routes, resolves `:ws` through membership. */
export function authorize(db: Db) {
  // The membership lookup of every workspace request, by id or by slug: prepared statements.
  const membership = (by: 'id' | 'slug') =>
    db
      .select({
        id: workspaces.id, slug: workspaces.slug, name: workspaces.name, currency: workspaces.currency,
        archivedAt: workspaces.archivedAt, role: memberships.role,
      })
      .from(workspaces)
      .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, sql.placeholder('userId'))))
      .where(by === 'id' ? eq(workspaces.id, sql.placeholder('ws')) : eq(workspaces.slug, sql.placeholder('ws')))
      .limit(1)
      .prepare(`tandem_membership_by_${by}`);
  const byId = membership('id');
  const bySlug = membership('slug');

  return async function checkPermission(req: FastifyRequest) {
    const permission = req.routeOptions.config.permission;
    if (!permission || permission === 'public') return;
    const actor = req.actor;
    if (!actor) throw unauthorized(req.authProblem ?? 'Sign in first.');
    if (actor.scope === 'read' && !SAFE.has(req.method)) throw forbidden('This API token is read-only.');
    if (permission === 'user') return;

    const ws = (req.params as { ws?: string }).ws ?? '';
    // Slugs never look like ids (see slugify and Slug), so an id-shaped `:ws` is an id.
    const [row] = looksLikeId(ws)
      ? await byId.execute({ userId: actor.userId, ws })
      : await bySlug.execute({ userId: actor.userId, ws: ws.toLowerCase() });
    // Not a member and no such workspace look the same.
    if (!row) throw notFound('Workspace');
    if (!can(row.role, permission)) throw forbidden(`Your role (${row.role}) does not allow this.`);
    if (row.archivedAt && !SAFE.has(req.method) && permission !== 'workspace.archive') {
      throw conflict('This workspace is archived; restore it to make changes.');
    }
    req.workspace = row;
  };
}
