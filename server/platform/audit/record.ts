import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client';
import { auditLog } from '../tables';

/** Who did it and from where, taken from the request. */
export interface AuditContext {
  actorUserId: string | null;
  actorTokenId: string | null;
  requestId: string | null;
  ip: string | null;
}

export function auditContext(req: FastifyRequest): AuditContext {
  return { actorUserId: req.actor?.userId ?? null, actorTokenId: req.actor?.tokenId ?? null, requestId: req.id, ip: req.ip };
}

/** The command line acts as no user. */
export const systemAudit: AuditContext = { actorUserId: null, actorTokenId: null, requestId: null, ip: null };

export interface AuditEvent {
  workspaceId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password']);

/** JSON-safe copy without secrets; Dates become ISO strings. */
function snapshot(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v, (k, val: unknown) => (SECRET_KEYS.has(k) ? undefined : val)));
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Queryable, ctx: AuditContext, e: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    workspaceId: e.workspaceId,
    actorUserId: ctx.actorUserId,
    actorTokenId: ctx.actorTokenId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: snapshot(e.before),
    after: snapshot(e.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}
