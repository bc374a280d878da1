import { sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { blankInvitationLinks } from './outbox';
import { createMailer } from './send';

/** The wait after each failed attempt; after the last of these the next failure is final. */
export const EMAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
/** How many attempts an e-mail gets before it is marked failed. */
export const EMAIL_MAX_ATTEMPTS = EMAIL_RETRY_DELAYS_MS.length + 1;

/** How many e-mails one claim takes; each is sent before the next claim. */
const BATCH = 10;
/** At most this many e-mails per run, so one run ends in bounded time; the next run continues. */
const MAX_PER_RUN = 500;
/**
 * A claimed e-mail is not due again for this long: if the process dies while sending, another
 * run picks it up after the lease (longer than a batch of sends with nodemailer's timeouts).
 */
const LEASE = '15 minutes';

type Claimed = {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Sends the queued e-mails that are due. Safe to run on several processes at once: each claims
 * rows with FOR UPDATE SKIP LOCKED and moves them out of reach (one more attempt, a lease) in a
 * short statement of its own, sends with no transaction open, then records the outcome. A failed
 * attempt is retried after 1 min, 5 min, 30 min and 2 h; after the fifth it is `failed` with
 * the error. Without SMTP configured, queued e-mails become `unsent` (visible on the outbox page).
 * The UPDATE that makes an invitation e-mail `sent` or `failed` also blanks its link out of the
 * stored text and HTML: the outbox keeps no usable invitation link past that point.
 */
export async function sendDueEmails(db: Db, config: Pick<Config, 'smtpUrl' | 'baseUrl'>): Promise<{ sent: number; failed: number; retried: number }> {
  const result = { sent: 0, failed: 0, retried: 0 };
  if (!config.smtpUrl) {
    await db.execute(sql`update email_outbox set status = 'unsent', last_error = 'No SMTP server was configured when it was due.'
      where status = 'queued'`);
    return result;
  }
  // Rows whose sender died during its last allowed attempt: give up on them now.
  const abandoned = await db.execute<{ id: string }>(sql`update email_outbox
    set status = 'failed', last_error = coalesce(last_error, 'The sending process stopped during the last attempt.'), ${blankInvitationLinks()}
    where status = 'queued' and attempts >= ${EMAIL_MAX_ATTEMPTS} and next_attempt_at <= now() returning id`);
  result.failed += abandoned.rows.length;

  const mailer = createMailer(config);
  try {
    for (let handled = 0; handled < MAX_PER_RUN;) {
      const claimed = await db.execute<Claimed>(sql`update email_outbox
        set attempts = attempts + 1, next_attempt_at = now() + ${LEASE}::interval
        where id in (
          select id from email_outbox
          where status = 'queued' and next_attempt_at <= now() and attempts < ${EMAIL_MAX_ATTEMPTS}
          order by next_attempt_at, id limit ${BATCH}
          for update skip locked)
        returning id, to_address, subject, text, html, attempts`);
      if (claimed.rows.length === 0) break;
      handled += claimed.rows.length;
      for (const e of claimed.rows) {
        try {
          await mailer.send({ to: e.to_address, subject: e.subject, text: e.text, html: e.html || undefined });
          // Conditional on the claim: an admin's change in between is not overwritten.
          await db.execute(sql`update email_outbox set status = 'sent', sent_at = now(), last_error = null, ${blankInvitationLinks()}
            where id = ${e.id} and status = 'queued' and attempts = ${e.attempts}`);
          result.sent++;
        } catch (err) {
          const delay = EMAIL_RETRY_DELAYS_MS[e.attempts - 1];
          if (delay === undefined) {
            await db.execute(sql`update email_outbox set status = 'failed', last_error = ${errorText(err)}, ${blankInvitationLinks()}
              where id = ${e.id} and status = 'queued' and attempts = ${e.attempts}`);
            result.failed++;
          } else {
            await db.execute(sql`update email_outbox
              set last_error = ${errorText(err)}, next_attempt_at = now() + make_interval(secs => ${delay / 1000})
              where id = ${e.id} and status = 'queued' and attempts = ${e.attempts}`);
            result.retried++;
          }
        }
      }
    }
  } finally {
    mailer.close();
  }
  return result;
}
