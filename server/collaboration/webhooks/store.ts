import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  TCreateWebhook, TDeliveryStatus, TUpdateWebhook, TWebhook, TWebhookDelivery, TWebhookWithSecret,
} from '../../../domain/collaboration/webhooks';
import type { TListQuery } from '../../../domain/common';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { conflict, invalidField, notFound } from '../../platform/http/errors';
import { afterNewestCursor, exactTime, page } from '../../platform/http/pagination';
import { webhookDeliveries, webhooks } from '../tables';
import { queueDeliveries } from './enqueue';
import type { WebhookEvent } from './formats';
import { newWebhookSecret } from './sign';
import { checkHost, hostOf, type Resolver, systemResolver, targetPolicy, UnsafeTargetError } from './ssrf';

type WebhookRow = typeof webhooks.$inferSelect;
type LastDelivery = TWebhook['lastDelivery'];

export function presentWebhook(w: WebhookRow, last: LastDelivery = null): TWebhook {
  return {
    id: w.id, name: w.name, url: w.url, format: w.format, events: w.events, active: w.active, allowPrivate: w.allowPrivate,
    createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(), lastDelivery: last,
  };
}

/** The audit snapshot of a webhook: everything but the secret. */
const snapshot = (w: WebhookRow) => ({ ...presentWebhook(w), lastDelivery: undefined });

/** How a target is checked when saving: the operator's loopback switch and the resolver. */
export interface TargetChecks {
  /** The operator's WEBHOOK_ALLOW_LOOPBACK (Config.webhookAllowLoopback). */
  webhookAllowLoopback: boolean;
  /** The system's resolver by default. */
  resolve?: Resolver;
}

/**
 * Refuses a URL whose host resolves to an address the webhook may not reach (see targetPolicy).
 * Resolves the host: call it before opening a transaction, never inside one.
 */
export async function assertReachable(url: string, allowPrivate: boolean, checks: TargetChecks): Promise<void> {
  const allowLoopback = checks.webhookAllowLoopback;
  // Every address is allowed: nothing to look up.
  if (allowPrivate && allowLoopback) return;
  try {
    await checkHost(hostOf(new URL(url)), { policy: targetPolicy({ allowPrivate, allowLoopback }), resolve: checks.resolve ?? systemResolver });
  } catch (e) {
    if (e instanceof UnsafeTargetError) throw invalidField('body.url', e.message.replace(/^\S+ resolves to/, 'resolves to'));
    throw e;
  }
}

/** The newest delivery of each of `ids`: one index probe per webhook (webhook_deliveries_webhook_idx). */
async function lastDeliveries(db: Queryable, ids: string[]): Promise<Map<string, NonNullable<LastDelivery>>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute<{ webhookId: string; status: TDeliveryStatus; responseStatus: number | null; at: string | Date }>(sql`
    select w.id as "webhookId", d.status, d.response_status as "responseStatus", d.updated_at as "at"
    from unnest(array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) as w(id)
    cross join lateral (
      select status, response_status, updated_at from webhook_deliveries
      where webhook_id = w.id
      order by created_at desc, id desc
      limit 1
    ) d`);
  return new Map(res.rows.map((r) => [r.webhookId, { status: r.status, responseStatus: r.responseStatus, at: new Date(r.at).toISOString() }]));
}

export async function listWebhooks(db: Queryable, workspaceId: string, q: TListQuery) {
  const rows = await db
    .select({ w: webhooks, at: exactTime(webhooks.createdAt) })
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, workspaceId), afterNewestCursor(q.cursor, webhooks.createdAt, webhooks.id)))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(q.limit + 1);
  const last = await lastDeliveries(db, rows.slice(0, q.limit).map((r) => r.w.id));
  return page(rows, q.limit, (r) => presentWebhook(r.w, last.get(r.w.id) ?? null), (r) => [r.at, r.w.id]);
}

async function findRow(db: Queryable, workspaceId: string, id: string, lock = false): Promise<WebhookRow> {
  const query = db.select().from(webhooks).where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Webhook');
  return row;
}

export async function getWebhook(db: Queryable, workspaceId: string, id: string): Promise<TWebhook> {
  const row = await findRow(db, workspaceId, id);
  return presentWebhook(row, (await lastDeliveries(db, [id])).get(id) ?? null);
}

/** Saves a new webhook; check its target with assertReachable first (outside the transaction). */
export async function createWebhook(tx: Queryable, ctx: AuditContext, workspaceId: string, input: TCreateWebhook): Promise<TWebhookWithSecret> {
  const secret = newWebhookSecret();
  const [row] = await tx.insert(webhooks).values({ ...input, workspaceId, secret, createdByUserId: ctx.actorUserId }).returning();
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.create', entityType: 'webhook', entityId: row!.id, after: snapshot(row!) });
  return { ...presentWebhook(row!), secret };
}

/** The target a webhook had when an edit of it was checked (null when the edit changes neither url nor allowPrivate). */
export type CheckedTarget = { url: string; allowPrivate: boolean } | null;

/**
 * Checks the target an edit gives a webhook, before the transaction: reads the webhook
 * without a lock and resolves the new URL when url or allowPrivate change. updateWebhook then
 * makes sure they are still what was read.
 */
export async function checkUpdateTarget(db: Queryable, workspaceId: string, id: string, input: TUpdateWebhook, checks: TargetChecks): Promise<CheckedTarget> {
  if (input.url === undefined && input.allowPrivate === undefined) return null;
  const row = await findRow(db, workspaceId, id);
  const url = input.url ?? row.url;
  const allowPrivate = input.allowPrivate ?? row.allowPrivate;
  if (url !== row.url || allowPrivate !== row.allowPrivate) await assertReachable(url, allowPrivate, checks);
  return { url: row.url, allowPrivate: row.allowPrivate };
}

/** Edits a webhook; `checked` is checkUpdateTarget's answer (409 when url or allowPrivate changed since). */
export async function updateWebhook(
  tx: Queryable, ctx: AuditContext, workspaceId: string, id: string, input: TUpdateWebhook, checked: CheckedTarget,
): Promise<TWebhook> {
  const before = await findRow(tx, workspaceId, id, true);
  if (checked && (before.url !== checked.url || before.allowPrivate !== checked.allowPrivate)) {
    throw conflict('The webhook\'s URL or private-address setting was changed meanwhile; reload it and try again.');
  }
  const [row] = await tx.update(webhooks).set({ ...input, updatedAt: new Date() }).where(eq(webhooks.id, id)).returning();
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.update', entityType: 'webhook', entityId: id, before: snapshot(before), after: snapshot(row!) });
  return presentWebhook(row!, (await lastDeliveries(tx, [id])).get(id) ?? null);
}

/** Deletes a webhook and its delivery log (the UI asks first; switching it off keeps both). */
export async function deleteWebhook(tx: Queryable, ctx: AuditContext, workspaceId: string, id: string): Promise<void> {
  const before = await findRow(tx, workspaceId, id, true);
  await tx.delete(webhooks).where(eq(webhooks.id, id));
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.delete', entityType: 'webhook', entityId: id, before: snapshot(before) });
}

export async function rotateWebhookSecret(tx: Queryable, ctx: AuditContext, workspaceId: string, id: string): Promise<TWebhookWithSecret> {
  await findRow(tx, workspaceId, id, true);
  const secret = newWebhookSecret();
  const [row] = await tx.update(webhooks).set({ secret, updatedAt: new Date() }).where(eq(webhooks.id, id)).returning();
  // The audit entry says that it changed, never what to.
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.rotate_secret', entityType: 'webhook', entityId: id });
  return { ...presentWebhook(row!, (await lastDeliveries(tx, [id])).get(id) ?? null), secret };
}

/** Queues a `ping` event to the webhook (sent even while it is switched off), from `actor` (the request's). */
export async function pingWebhook(
  tx: Queryable, ctx: AuditContext, workspace: WebhookEvent['workspace'], actor: WebhookEvent['actor'], id: string,
): Promise<TWebhookDelivery> {
  const workspaceId = workspace.id;
  await findRow(tx, workspaceId, id);
  const event: WebhookEvent = {
    id: randomUUID(), kind: 'ping', occurredAt: new Date().toISOString(), workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name }, actor, entity: null,
  };
  await queueDeliveries(tx, workspaceId, [id], event);
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.test', entityType: 'webhook', entityId: id, after: { eventId: event.id } });
  const [row] = await tx.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.webhookId, id), eq(webhookDeliveries.eventId, event.id)));
  return presentDelivery(row!);
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function presentDelivery(d: DeliveryRow): TWebhookDelivery {
  return {
    id: d.id, eventId: d.eventId, eventKind: d.eventKind, status: d.status, attempts: d.attempts, responseStatus: d.responseStatus,
    responseBody: d.responseBody, error: d.error, durationMs: d.durationMs, createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(), nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  };
}

export async function listDeliveries(db: Queryable, workspaceId: string, webhookId: string, q: TListQuery & { status?: TDeliveryStatus }) {
  await findRow(db, workspaceId, webhookId);
  const rows = await db
    .select({ d: webhookDeliveries, at: exactTime(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(and(
      eq(webhookDeliveries.webhookId, webhookId),
      q.status ? eq(webhookDeliveries.status, q.status) : undefined,
      afterNewestCursor(q.cursor, webhookDeliveries.createdAt, webhookDeliveries.id),
    ))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => presentDelivery(r.d), (r) => [r.at, r.d.id]);
}

/** Sends a delivery's event again, as a new delivery with the same event id (receivers can de-duplicate). */
export async function redeliver(tx: Queryable, ctx: AuditContext, workspaceId: string, webhookId: string, deliveryId: string): Promise<TWebhookDelivery> {
  await findRow(tx, workspaceId, webhookId);
  const [old] = await tx.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, deliveryId)));
  if (!old) throw notFound('Delivery');
  const [row] = await tx.insert(webhookDeliveries).values({
    workspaceId, webhookId, eventId: old.eventId, eventKind: old.eventKind, payload: old.payload, status: 'pending', nextAttemptAt: sql`now()`,
  }).returning();
  await recordAudit(tx, ctx, { workspaceId, action: 'webhook.redeliver', entityType: 'webhook', entityId: webhookId, after: { deliveryId: row!.id, of: deliveryId } });
  await publish(tx, { workspaceId, kind: 'webhooks.queued' });
  return presentDelivery(row!);
}
