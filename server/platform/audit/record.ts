import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client';
import { sql } from 'drizzle-orm';
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

/** An audited change as areas hear of it: the entry's id and time, who did it, what changed. */
export interface AuditedChange extends AuditEvent {
  /** The audit entry's id (also its order). */
  id: number;
  /** The actor's name, read with the insert (null for the system). */
  actorName: string | null;
  at: Date;
  ctx: AuditContext;
}

/** Called for every workspace audit entry, inside the change's transaction. */
export type AuditListener = (tx: Queryable, change: AuditedChange) => Promise<void>;
const listeners = new Map<string, AuditListener>();

/**
 * Subscribes to every audited workspace change, by name (registering a name again replaces it).
 * This is how the collaboration layer turns mutations into live updates, watcher
 * notifications and webhook deliveries without the areas calling it.
 */
export function onAudit(name: string, listener: AuditListener): void {
  listeners.set(name, listener);
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Queryable, ctx: AuditContext, e: AuditEvent): Promise<void> {
  const [entry] = await tx.insert(auditLog).values({
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
  }).returning({ id: auditLog.id, at: auditLog.at, actorName: sql<string | null>`(select name from users where id = ${auditLog.actorUserId})` });
  if (e.workspaceId === null) return;
  for (const listener of listeners.values()) await listener(tx, { ...e, id: entry!.id, at: entry!.at, actorName: entry!.actorName, ctx });
}
