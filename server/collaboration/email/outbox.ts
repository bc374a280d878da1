import { and, desc, eq, sql } from 'drizzle-orm';
import type { TListQuery } from '../../../domain/common';
import type { TEmailStatus, TOutboxEmail, TOutboxEmailDetail } from '../../../domain/collaboration/email';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Config } from '../../platform/config';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { conflict, notFound } from '../../platform/http/errors';
import { afterNewestCursor, exactTime, page } from '../../platform/http/pagination';
import { emailOutbox } from '../tables';

type EmailRow = typeof emailOutbox.$inferSelect;

export interface NewEmail {
  /** The workspace whose admins see it in their outbox; null for mail of no single workspace. */
  workspaceId: string | null;
  /** The recipient's account, when they have one. */
  userId: string | null;
  kind: EmailRow['kind'];
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Puts an e-mail in the outbox, in the caller's transaction. With SMTP configured it is
 * `queued` for sendDueEmails (and an 'email.queued' event wakes the sender after commit);
 * without, it is kept as `unsent` for an admin to see and send later, never dropped.
 */
export async function queueEmail(tx: Queryable, config: Pick<Config, 'smtpUrl'>, e: NewEmail): Promise<EmailRow> {
  const status = config.smtpUrl ? 'queued' : 'unsent';
  const [row] = await tx.insert(emailOutbox).values({
    workspaceId: e.workspaceId, userId: e.userId, kind: e.kind, toAddress: e.to, subject: e.subject, text: e.text, html: e.html ?? '',
    status,
  }).returning();
  if (status === 'queued' && e.workspaceId) await publish(tx, { workspaceId: e.workspaceId, kind: 'email.queued' });
  return row!;
}

function present(r: EmailRow): TOutboxEmail {
  return {
    id: r.id, kind: r.kind, to: r.toAddress, subject: r.subject, status: r.status, attempts: r.attempts,
    nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null, lastError: r.lastError,
    createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null,
  };
}

const presentDetail = (r: EmailRow): TOutboxEmailDetail => ({ ...present(r), text: r.text });

const sortAt = exactTime(emailOutbox.createdAt);

/** The workspace's e-mails, newest first, optionally of one status. */
export async function listOutbox(db: Queryable, workspaceId: string, q: TListQuery & { status?: TEmailStatus }) {
  const rows = await db
    .select({ e: emailOutbox, sortAt })
    .from(emailOutbox)
    .where(and(
      eq(emailOutbox.workspaceId, workspaceId),
      q.status ? eq(emailOutbox.status, q.status) : undefined,
      afterNewestCursor(q.cursor, emailOutbox.createdAt, emailOutbox.id),
    ))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => present(r.e), (r) => [r.sortAt, r.e.id]);
}

/** One e-mail of the workspace with its text; another workspace's is a 404. */
export async function getOutboxEmail(db: Queryable, workspaceId: string, id: string): Promise<TOutboxEmailDetail> {
  const [row] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.id, id), eq(emailOutbox.workspaceId, workspaceId)));
  if (!row) throw notFound('E-mail');
  return presentDetail(row);
}

/**
 * Queues an unsent or failed e-mail again, with fresh attempts, for the next send run.
 * Refused (409) while no SMTP server is configured, and for mail already sent or queued.
 */
export async function requeueEmail(
  tx: Queryable, audit: AuditContext, config: Pick<Config, 'smtpUrl'>, workspaceId: string, id: string,
): Promise<TOutboxEmailDetail> {
  const [before] = await tx.select().from(emailOutbox).where(and(eq(emailOutbox.id, id), eq(emailOutbox.workspaceId, workspaceId))).for('update');
  if (!before) throw notFound('E-mail');
  if (!config.smtpUrl) throw conflict('No SMTP server is configured, so nothing can be sent. Set SMTP_URL and restart Tandem, then send it again.');
  if (before.status === 'sent') throw conflict('This e-mail has already been sent.');
  if (before.status === 'queued') throw conflict('This e-mail is already queued and goes out with the next send run.');
  const [row] = await tx
    .update(emailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(eq(emailOutbox.id, id))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'email.requeue', entityType: 'email', entityId: id,
    before: { to: before.toAddress, subject: before.subject, status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { to: row!.toAddress, subject: row!.subject, status: row!.status, attempts: row!.attempts, lastError: row!.lastError },
  });
  await publish(tx, { workspaceId, kind: 'email.queued' });
  return presentDetail(row!);
}
