import { z } from 'zod';
import { Id, IsoDateTime, ListQuery, listOf } from '../common';

// The outbox contract, and the digest schedule shared by the digest worker and the preferences page.

export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'unsent'] as const;
export const EmailStatus = z.enum(EMAIL_STATUSES);
export type TEmailStatus = z.infer<typeof EmailStatus>;
export const EmailKind = z.enum(['notification', 'digest', 'invitation', 'reminder']);

export const OutboxQuery = ListQuery.extend({ status: EmailStatus.optional() });

/** One e-mail of the outbox, as the list shows it. */
export const OutboxEmail = z.object({
  id: Id,
  kind: EmailKind,
  to: z.string(),
  subject: z.string(),
  status: EmailStatus,
  attempts: z.number().int(),
  /** While queued: when the next attempt is due. */
  nextAttemptAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
});
export type TOutboxEmail = z.infer<typeof OutboxEmail>;

/** One e-mail with its plain-text body (invitation links in it read `/invite/…`: their token is never shown). */
export const OutboxEmailDetail = OutboxEmail.extend({ text: z.string() });
export type TOutboxEmailDetail = z.infer<typeof OutboxEmailDetail>;

/** The outbox list, with whether an SMTP server is configured (without one nothing is sent). */
export const OutboxList = listOf(OutboxEmail).extend({ smtpConfigured: z.boolean() });
export type TOutboxList = z.infer<typeof OutboxList>;

/** The hour a daily digest goes out when the person has not chosen one (in UTC). */
export const DEFAULT_DIGEST = { hour: 8, timeZone: 'UTC' } as const;

/** The canonical name of an IANA time zone (e.g. "europe/berlin" → "Europe/Berlin"), or null if Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  // Offsets ("+01:00") and abbreviations with digits are not IANA zone names; Intl alone would accept some of them on newer runtimes.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar date (YYYY-MM-DD) and hour (0–23) at `at` in `timeZone`. */
export function localDateAndHour(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

export interface DigestSchedule {
  /** Local hour 0–23 from which the day's digest may go out. */
  hour: number;
  /** IANA time zone of that hour. */
  timeZone: string;
  /** Local date (YYYY-MM-DD) of the last digest sent, or null if none yet. */
  lastSentOn: string | null;
}

/**
 * Whether a person's daily digest is due at `now`: their local hour has reached the chosen
 * hour today and no digest has gone out on this local date yet. `today` is the local date to
 * record as sent. "Reached" (not "equal to") keeps a digest from being skipped when a run is
 * late or the hour does not exist that day (the spring daylight-saving gap); comparing dates
 * keeps the repeated autumn hour from sending twice.
 */
export function digestDue(s: DigestSchedule, now: Date): { due: boolean; today: string } {
  const local = localDateAndHour(now, s.timeZone);
  const due = local.hour >= s.hour && (s.lastSentOn === null || s.lastSentOn < local.date);
  return { due, today: local.date };
}
