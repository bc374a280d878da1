import { z } from 'zod';
import {
  CreateWebhook, DeliveryListQuery, UpdateWebhook, Webhook, WebhookDelivery, WebhookWithSecret,
} from '../../../domain/collaboration/webhooks';
import { Id, ListQuery, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import {
  assertReachable, checkUpdateTarget, createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, pingWebhook, redeliver,
  rotateWebhookSecret, type TargetChecks, updateWebhook,
} from './store';

const tags = ['Webhooks'];
const WebhookParams = WorkspaceParams.extend({ webhookId: Id });
const DeliveryParams = WebhookParams.extend({ deliveryId: Id });
const permission = 'webhooks.manage' as const;

/**
 * Outgoing webhooks of a workspace (admins): targets, their signing secrets, test pings and
 * the delivery log. Deliveries are queued by the audit listener and sent by deliverDueWebhooks.
 * A target's host is resolved and checked before a transaction opens, never inside one.
 */
export const webhookRoutes: RouteModule = (app, { config, database: { db } }) => {
  const checks: TargetChecks = { webhookAllowLoopback: config.webhookAllowLoopback };

  app.get('/workspaces/:ws/webhooks', {
    schema: { tags, summary: 'List webhooks, newest first', params: WorkspaceParams, querystring: ListQuery, response: { 200: listOf(Webhook) } },
    config: { permission },
  }, async (req) => listWebhooks(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/webhooks', {
    schema: {
      tags, summary: 'Create a webhook; its signing secret is shown only in this response',
      params: WorkspaceParams, body: CreateWebhook, response: { 201: WebhookWithSecret },
    },
    config: { permission, secretResponse: true },
  }, async (req, reply) => {
    await assertReachable(req.body.url, req.body.allowPrivate, checks);
    const created = await db.transaction((tx) => createWebhook(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(created);
  });

  app.get('/workspaces/:ws/webhooks/:webhookId', {
    schema: { tags, summary: 'A webhook', params: WebhookParams, response: { 200: Webhook } },
    config: { permission },
  }, async (req) => getWebhook(db, req.workspace!.id, req.params.webhookId));

  app.patch('/workspaces/:ws/webhooks/:webhookId', {
    schema: { tags, summary: 'Edit a webhook', params: WebhookParams, body: UpdateWebhook, response: { 200: Webhook } },
    config: { permission },
  }, async (req) => {
    const checked = await checkUpdateTarget(db, req.workspace!.id, req.params.webhookId, req.body, checks);
    return db.transaction((tx) => updateWebhook(tx, auditContext(req), req.workspace!.id, req.params.webhookId, req.body, checked));
  });

  app.delete('/workspaces/:ws/webhooks/:webhookId', {
    schema: { tags, summary: 'Delete a webhook and its delivery log', params: WebhookParams, response: { 204: z.undefined() } },
    config: { permission },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteWebhook(tx, auditContext(req), req.workspace!.id, req.params.webhookId));
    return reply.code(204).send();
  });

  app.post('/workspaces/:ws/webhooks/:webhookId/rotate-secret', {
    schema: { tags, summary: 'Replace the signing secret; the new one is shown only in this response', params: WebhookParams, response: { 200: WebhookWithSecret } },
    config: { permission, secretResponse: true },
  }, async (req) => db.transaction((tx) => rotateWebhookSecret(tx, auditContext(req), req.workspace!.id, req.params.webhookId)));

  app.post('/workspaces/:ws/webhooks/:webhookId/test', {
    schema: { tags, summary: 'Queue a ping delivery to the webhook', params: WebhookParams, response: { 202: WebhookDelivery } },
    config: { permission },
  }, async (req, reply) => {
    const actor = req.actor ? { id: req.actor.userId, name: req.actor.name } : null;
    const delivery = await db.transaction((tx) => pingWebhook(tx, auditContext(req), req.workspace!, actor, req.params.webhookId));
    return reply.code(202).send(delivery);
  });

  app.get('/workspaces/:ws/webhooks/:webhookId/deliveries', {
    schema: { tags, summary: 'The delivery log, newest first', params: WebhookParams, querystring: DeliveryListQuery, response: { 200: listOf(WebhookDelivery) } },
    config: { permission },
  }, async (req) => listDeliveries(db, req.workspace!.id, req.params.webhookId, req.query));

  app.post('/workspaces/:ws/webhooks/:webhookId/deliveries/:deliveryId/redeliver', {
    schema: { tags, summary: 'Send a delivery\'s event again (as a new delivery)', params: DeliveryParams, response: { 202: WebhookDelivery } },
    config: { permission },
  }, async (req, reply) => {
    const delivery = await db.transaction((tx) => redeliver(tx, auditContext(req), req.workspace!.id, req.params.webhookId, req.params.deliveryId));
    return reply.code(202).send(delivery);
  });
};
