import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { eventMatches } from '../../../domain/collaboration/webhooks';
import type { AuditedChange, AuditListener } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { users, workspaces } from '../../platform/tables';
import { entityKind, findEntity } from '../entities';
import { webhookDeliveries, webhooks } from '../tables';
import type { WebhookEvent } from './formats';

/** Entities whose changes never leave the server: accounts, credentials, invitations, webhooks themselves. */
const PRIVATE_ENTITIES = new Set(['session', 'api_token', 'user', 'invitation', 'webhook', 'webhook_delivery']);
const SECRET_FIELD = /password|secret|token|hash/i;
const NOT_A_CHANGE = new Set(['updatedAt', 'createdAt']);

const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)) as unknown);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** {field: {before, after}} for the fields an update changed (secret-looking fields left out). */
export function changedFields(before: unknown, after: unknown): Record<string, { before: unknown; after: unknown }> | undefined {
  const b = plain(before);
  const a = plain(after);
  if (!isRecord(b) || !isRecord(a)) return undefined;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SECRET_FIELD.test(key) || NOT_A_CHANGE.has(key)) continue;
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) out[key] = { before: b[key] ?? null, after: a[key] ?? null };
  }
  return out;
}

function titleFrom(snapshot: unknown): string | null {
  if (!isRecord(snapshot)) return null;
  for (const k of ['title', 'name']) if (typeof snapshot[k] === 'string') return snapshot[k];
  return null;
}

/** The event of an audited change, with the names and titles as they are now. */
async function buildEvent(tx: Queryable, change: AuditedChange, workspace: WebhookEvent['workspace']): Promise<WebhookEvent> {
  const [actor] = change.ctx.actorUserId
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, change.ctx.actorUserId))
    : [];
  const found = await findEntity(tx, workspace.id, change.entityType, change.entityId);
  const title = found?.title ?? titleFrom(change.after) ?? titleFrom(change.before) ?? (entityKind(change.entityType)?.label ?? change.entityType);
  const changes = change.before != null && change.after != null ? changedFields(change.before, change.after) : undefined;
  return {
    id: randomUUID(),
    kind: change.action,
    occurredAt: change.at.toISOString(),
    workspace,
    actor: actor ?? null,
    entity: { type: change.entityType, id: change.entityId, title, path: found?.path ?? null },
    ...(changes ? { changes } : {}),
  };
}

/** Queues `event` for each of `targets` and wakes the delivery worker at commit. */
export async function queueDeliveries(tx: Queryable, workspaceId: string, targets: string[], event: WebhookEvent): Promise<void> {
  if (targets.length === 0) return;
  await tx.insert(webhookDeliveries).values(targets.map((webhookId) => ({
    workspaceId, webhookId, eventId: event.id, eventKind: event.kind, payload: event, status: 'pending' as const, nextAttemptAt: new Date(),
  })));
  await publish(tx, { workspaceId, kind: 'webhooks.queued' });
}

/**
 * Audit listener: queues a delivery of the change to every active webhook of its workspace
 * that listens to the action, in the change's transaction (so a rolled-back change sends nothing).
 */
export const enqueueWebhookDeliveries: AuditListener = async (tx, change) => {
  if (change.workspaceId === null || PRIVATE_ENTITIES.has(change.entityType)) return;
  const hooks = await tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, change.workspaceId), eq(webhooks.active, true)));
  const targets = hooks.filter((h) => eventMatches(h.events, change.action)).map((h) => h.id);
  if (targets.length === 0) return;
  const [workspace] = await tx.select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name }).from(workspaces).where(eq(workspaces.id, change.workspaceId));
  if (!workspace) return;
  await queueDeliveries(tx, change.workspaceId, targets, await buildEvent(tx, change, workspace));
};
