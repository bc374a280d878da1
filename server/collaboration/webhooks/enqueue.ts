import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { snapshotDiff, snapshotTitle } from '../../../domain/collaboration/activity';
import { eventMatches } from '../../../domain/collaboration/webhooks';
import type { AuditedChange, AuditListener } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { workspaces } from '../../platform/tables';
import { entityKind, findEntity, sharedWithMembers } from '../entities';
import { webhookDeliveries, webhooks } from '../tables';
import type { WebhookEvent } from './formats';

/** The event of an audited change, with the names and titles as they are now. */
async function buildEvent(tx: Queryable, change: AuditedChange, workspace: WebhookEvent['workspace']): Promise<WebhookEvent> {
  const actor = change.ctx.actorUserId && change.actorName !== null ? { id: change.ctx.actorUserId, name: change.actorName } : null;
  const found = await findEntity(tx, workspace.id, change.entityType, change.entityId);
  const title = found?.title ?? snapshotTitle(change.after, change.before) ?? (entityKind(change.entityType)?.label ?? change.entityType);
  // Field by field for an update (both snapshots); absent for a create or delete.
  const changes = change.before != null && change.after != null ? snapshotDiff(change.before, change.after) : undefined;
  return {
    id: randomUUID(),
    kind: change.action,
    occurredAt: change.at.toISOString(),
    workspace,
    actor,
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
 * Only changes every member may hear of go out (sharedWithMembers): not accounts, credentials,
 * invitations, personal settings or the webhooks themselves.
 */
export const enqueueWebhookDeliveries: AuditListener = async (tx, change) => {
  if (change.workspaceId === null || !sharedWithMembers(change.entityType)) return;
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
