import { z } from 'zod';
import { Id } from '../../../domain/common';
import { OutboxEmailDetail, OutboxList, OutboxQuery } from '../../../domain/collaboration/email';
import { NotificationPreferences, UpdateNotificationPreferences } from '../../../domain/collaboration/preferences';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { getOutboxEmail, listOutbox, requeueEmail } from './outbox';
import { getPreferences, updatePreferences } from './preferences';

const EmailParams = WorkspaceParams.extend({ emailId: Id });

/** Each person's notification preferences and digest time; the workspace's e-mail outbox for admins. */
export const emailRoutes: RouteModule = (app, { config, database: { db } }) => {
  app.get('/me/notification-preferences', {
    schema: {
      tags: ['Notifications'], summary: 'How you receive each kind of notification (in the app, by e-mail now or in the daily digest), and your digest time',
      response: { 200: NotificationPreferences },
    },
    config: { permission: 'user' },
  }, async (req) => getPreferences(db, req.actor!.userId));

  app.put('/me/notification-preferences', {
    schema: {
      tags: ['Notifications'],
      summary: 'Change your notification preferences: only the kinds listed change; the digest time when given',
      body: UpdateNotificationPreferences, response: { 200: NotificationPreferences },
    },
    config: { permission: 'user' },
  }, async (req) => db.transaction((tx) => updatePreferences(tx, auditContext(req), req.actor!.userId, req.body)));

  const tags = ['E-mail outbox'];
  app.get('/workspaces/:ws/outbox', {
    schema: {
      tags, summary: 'E-mails of the workspace, newest first, and whether an SMTP server is configured',
      params: WorkspaceParams, querystring: OutboxQuery, response: { 200: OutboxList },
    },
    config: { permission: 'outbox.read' },
  }, async (req) => {
    const { status, ...q } = req.query;
    return { ...(await listOutbox(db, req.workspace!.id, { ...q, status })), smtpConfigured: config.smtpUrl !== null };
  });

  app.get('/workspaces/:ws/outbox/:emailId', {
    schema: { tags, summary: 'One e-mail with its text (invitation links read /invite/…)', params: EmailParams, response: { 200: OutboxEmailDetail } },
    config: { permission: 'outbox.read' },
  }, async (req) => getOutboxEmail(db, req.workspace!.id, req.params.emailId));

  app.post('/workspaces/:ws/outbox/:emailId/send', {
    schema: {
      tags,
      summary: 'Queue an unsent or failed e-mail again (409 while no SMTP server is configured). An invitation e-mail needs the right to create that invitation',
      params: EmailParams, body: z.object({}).optional(), response: { 200: OutboxEmailDetail },
    },
    config: { permission: 'outbox.send' },
  }, async (req) => db.transaction((tx) => requeueEmail(tx, auditContext(req), config, req.workspace!, req.params.emailId)));
};
