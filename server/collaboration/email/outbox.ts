import { and, desc, eq, sql } from 'drizzle-orm';
import type { TListQuery } from '../../../domain/common';
import type { TEmailStatus, TOutboxEmail, TOutboxEmailDetail } from '../../../domain/collaboration/email';
import type { TRole } from '../../../domain/platform/permissions';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Config } from '../../platform/config';
import type { Queryable } from '../../platform/db/client';
import { publish } from '../../platform/events/publish';
import { conflict, notFound } from '../../platform/http/errors';
import { afterNewestCursor, exactTime, page } from '../../platform/http/pagination';
import { assertMayResendInvitationEmail } from '../../platform/invitations/store';
import { type EmailRow, hideInvitationLinks } from '../../platform/mail/outbox';
import { emailOutbox } from '../tables';

// The outbox page of a workspace's admins: its e-mails, and sending one again. (Queueing and
// sending are mail infrastructure: server/platform/mail/outbox.ts and send-due.ts.)

// Invitation links are never shown, not even to admins: a link lets whoever reads it join with
// the invited role (an owner invitation would make an admin an owner).
function present(r: EmailRow): TOutboxEmail {
  return {
    id: r.id, kind: r.kind, to: r.toAddress, subject: hideInvitationLinks(r.subject), status: r.status, attempts: r.attempts,
    nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null, lastError: r.lastError,
    createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null,
  };
}

const presentDetail = (r: EmailRow): TOutboxEmailDetail => ({ ...present(r), text: hideInvitationLinks(r.text) });

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
 * Refused (409) while no SMTP server is configured, and for mail already sent or queued. An
 * invitation e-mail goes again only for someone allowed to create that invitation (403: only
 * owners invite owners), and only while its invitation is open and the e-mail holds its link.
 */
export async function requeueEmail(
  tx: Queryable, audit: AuditContext, config: Pick<Config, 'smtpUrl'>, ws: { id: string; role: TRole }, id: string,
): Promise<TOutboxEmailDetail> {
  const workspaceId = ws.id;
  const [before] = await tx.select().from(emailOutbox).where(and(eq(emailOutbox.id, id), eq(emailOutbox.workspaceId, workspaceId))).for('update');
  if (!before) throw notFound('E-mail');
  if (before.kind === 'invitation' && (before.status === 'unsent' || before.status === 'failed')) {
    await assertMayResendInvitationEmail(tx, ws, before.text);
  }
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
