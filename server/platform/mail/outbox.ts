import { sql, type SQL } from 'drizzle-orm';
import { emailOutbox } from '../../collaboration/tables';
import type { Config } from '../config';
import type { Queryable } from '../db/client';
import { publish } from '../events/publish';

// The e-mail outbox: every e-mail Tandem sends goes through this table (its definition lives
// with the collaboration tables). Queued here, sent by sendDueEmails (./send-due.ts).

export type EmailRow = typeof emailOutbox.$inferSelect;

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

/**
 * An invitation link, `/invite/<token>` (the token is base64url). Whoever reads it can join the
 * workspace with the invited role, so it leaves the outbox only in the e-mail itself: it is
 * never shown (hideInvitationLinks), and is blanked out of the stored text and HTML once the
 * e-mail is sent or has failed for good (see sendDueEmails).
 */
const INVITATION_LINK_PATTERN = '/invite/([A-Za-z0-9_-]+)'; // the same in JavaScript and PostgreSQL
const INVITATION_LINK = new RegExp(INVITATION_LINK_PATTERN, 'g');
/** What an invitation link reads as where it is hidden or blanked. */
export const HIDDEN_INVITATION_LINK = '/invite/…';

/** `text` with every invitation link's token replaced by "…". */
export function hideInvitationLinks(text: string): string {
  return text.replace(INVITATION_LINK, HIDDEN_INVITATION_LINK);
}

/** The token of the first invitation link in `text`, if it still holds one. */
export function invitationTokenIn(text: string): string | null {
  return new RegExp(INVITATION_LINK_PATTERN).exec(text)?.[1] ?? null;
}

/**
 * SET assignments that blank the invitation links out of an invitation e-mail's stored text
 * and HTML (other e-mails keep theirs): for the UPDATE that records an e-mail's final outcome.
 */
export function blankInvitationLinks(): SQL {
  const blank = (column: SQL) => sql`case when kind = 'invitation'
    then regexp_replace(${column}, ${INVITATION_LINK_PATTERN}, ${HIDDEN_INVITATION_LINK}, 'g') else ${column} end`;
  return sql`text = ${blank(sql`text`)}, html = ${blank(sql`html`)}`;
}
