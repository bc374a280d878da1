import { sql, type SQL } from 'drizzle-orm';
import {
  boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../platform/tables';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const workspaceId = () => uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' });

/** Comments on any entity of a workspace (`entityType` names the area's kind: goal, initiative, …). */
export const comments = pgTable(
  'comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Markdown as written; mentions are `@[Name](user:<id>)`. */
    body: text().notNull(),
    /** The markdown rendered and sanitised, as shown. */
    bodyHtml: text().notNull(),
    mentionedUserIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('comments_entity_idx').on(t.workspaceId, t.entityType, t.entityId, t.createdAt)],
);

/** Who follows which entity: watchers hear of its changes and comments. */
export const watches = pgTable(
  'watches',
  {
    workspaceId: workspaceId(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entityType, t.entityId] }), index('watches_entity_idx').on(t.entityType, t.entityId)],
);

/** One notification to one person. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The event kind (domain/collaboration/events.ts), e.g. comment.mention. */
    kind: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    entityType: text(),
    entityId: uuid(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** The app path it opens, e.g. /w/acme/goals/<id>. */
    link: text().notNull().default(''),
    /** In the app's bell and centre (false when the person turned in-app off for the kind). */
    inApp: boolean().notNull().default(true),
    /** none, immediate (an e-mail is queued) or digest (waits for the person's daily digest). */
    email: text({ enum: ['none', 'immediate', 'digest'] }).notNull().default('none'),
    /** When the e-mail (or the digest holding it) was put in the outbox. */
    emailedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('notifications_unread_idx').on(t.userId, t.workspaceId).where(sql`${t.readAt} is null and ${t.inApp}`),
    index('notifications_email_idx').on(t.email, t.createdAt).where(sql`${t.emailedAt} is null and ${t.email} <> 'none'`),
  ],
);

/** A person's choice per event kind: in the app or not, and how by e-mail. Missing rows take the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    inApp: boolean().notNull(),
    email: text({ enum: ['off', 'immediate', 'digest'] }).notNull(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** When a person's daily digest goes out: the hour in their time zone. */
export const digestSettings = pgTable('digest_settings', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  hour: smallint().notNull().default(8),
  timeZone: text().notNull().default('UTC'),
  /** The local date of the last digest sent: one digest per day, whichever process runs it. */
  lastSentOn: date(),
  updatedAt: createdAt(),
});

/**
 * Every e-mail Tandem sends goes through here first. With SMTP configured it is sent and marked
 * sent (or failed, with the error, after retries); without, it stays `unsent` and the outbox
 * page shows it, so nothing is silently lost.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: text({ enum: ['notification', 'digest', 'invitation', 'reminder'] }).notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull().default(''),
    status: text({ enum: ['queued', 'sent', 'failed', 'unsent'] }).notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('email_outbox_workspace_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);

/** Outgoing webhooks of a workspace. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    url: text().notNull(),
    format: text({ enum: ['json', 'slack', 'teams'] }).notNull().default('json'),
    /** HMAC-SHA256 key for the X-Tandem-Signature header (needed in clear to sign). */
    secret: text().notNull(),
    /** Event kinds sent; empty means every event. */
    events: text().array().notNull().default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    /** An admin's explicit permission to reach private, loopback or link-local addresses. */
    allowPrivate: boolean().notNull().default(false),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index('webhooks_workspace_idx').on(t.workspaceId)],
);

/** One event to one webhook: its attempts, last response and retry schedule. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    webhookId: uuid().notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid().notNull(),
    eventKind: text().notNull(),
    /** The request body as sent (in the webhook's format). */
    payload: jsonb().notNull(),
    status: text({ enum: ['pending', 'succeeded', 'failed'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer(),
    responseBody: text(),
    error: text(),
    durationMs: integer(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Tasks any area creates (reviews, planning sessions, board meetings, ride-alongs…). */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    dueDate: date(),
    status: text({ enum: ['open', 'in_progress', 'done', 'cancelled'] }).notNull().default('open'),
    /** Where it came from: an entity kind and id (e.g. goal, review), or none. */
    sourceType: text(),
    sourceId: uuid(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    completedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    /** Reminders already sent, so each goes out once: the due date they were sent for. */
    remindedSoonFor: date(),
    remindedOverdueFor: date(),
  },
  (t) => [
    index('action_items_workspace_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('action_items_owner_idx').on(t.ownerUserId, t.status, t.dueDate),
    index('action_items_source_idx').on(t.workspaceId, t.sourceType, t.sourceId),
    index('action_items_due_idx').on(t.dueDate).where(sql`${t.status} in ('open', 'in_progress') and ${t.archivedAt} is null`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The search index: one row per searchable entity, kept by the areas' stores in the same
 * transaction as the change. The vector is computed by PostgreSQL ('simple' configuration:
 * no language-specific stemming, so every workspace language matches the same way).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    workspaceId: workspaceId(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** The app path it opens. */
    link: text().notNull(),
    archived: boolean().notNull().default(false),
    updatedAt: createdAt(),
    document: tsvector().generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('simple', ${searchDocuments.title}), 'A') || setweight(to_tsvector('simple', ${searchDocuments.body}), 'B')`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId] }),
    index('search_documents_workspace_idx').on(t.workspaceId),
    index('search_documents_document_idx').using('gin', t.document),
    check('search_documents_title_check', sql`length(${t.title}) > 0`),
  ],
);
