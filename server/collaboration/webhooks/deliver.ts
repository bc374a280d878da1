import { sql } from 'drizzle-orm';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../../../domain/collaboration/webhooks';
import type { Db } from '../../platform/db/client';
import type { WebhookEvent } from './formats';
import { renderPayload } from './formats';
import { sendWebhook, type SendOptions, type SendResult } from './send';
import { signPayload } from './sign';

/** Deliveries claimed, and then sent at once, in one go; the next claim waits for all of them. */
const PARALLEL_SENDS = 8;
/**
 * A claimed delivery is held this long; if its process dies mid-send, another takes it after.
 * One claim is sent in parallel and each send ends within its timeout (10 s, plus the database
 * writes), so the lease is far longer than a claim can take: no one else sends it meanwhile.
 */
const CLAIM_LEASE = '2 minutes';

type Claimed = {
  id: string;
  eventKind: string;
  payload: WebhookEvent;
  attempts: number;
  url: string;
  format: 'json' | 'slack' | 'teams';
  secret: string;
  active: boolean;
  allowPrivate: boolean;
};

export interface DeliverOptions {
  /** The public address of the app (BASE_URL), for links in payloads. */
  baseUrl: string;
  /** At most this many deliveries per call (default 100). */
  limit?: number;
  /** For tests: address rules and resolver of the sends. */
  send?: Pick<SendOptions, 'policy' | 'resolve' | 'timeoutMs'>;
  /** The operator's WEBHOOK_ALLOW_LOOPBACK (Config.webhookAllowLoopback; off when not given). */
  webhookAllowLoopback?: boolean;
}

export interface DeliverCounts { sent: number; succeeded: number; failed: number; retried: number }

/** Claims due pending deliveries and counts the attempt, in one short transaction. */
async function claim(db: Db, limit: number): Promise<Claimed[]> {
  const res = await db.execute<Claimed>(sql`
    with due as (
      select d.id from webhook_deliveries d
      where d.status = 'pending' and d.next_attempt_at <= now()
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries d
    set attempts = d.attempts + 1, next_attempt_at = now() + ${CLAIM_LEASE}::interval, updated_at = now()
    from due, webhooks w
    where d.id = due.id and w.id = d.webhook_id
    returning d.id, d.event_kind as "eventKind", d.payload, d.attempts, w.url, w.format, w.secret, w.active, w.allow_private as "allowPrivate"`);
  return res.rows;
}

/**
 * Stores an attempt's outcome: succeeded, retried later with backoff, or failed for good. Only
 * if the row is still as this claim left it (pending, this attempt): should another process
 * have taken it over after the lease, the newer attempt's outcome stays. Null when not stored.
 */
async function record(db: Db, d: Claimed, r: SendResult): Promise<'succeeded' | 'retried' | 'failed' | null> {
  const ok = r.status !== null && r.status >= 200 && r.status < 300 && r.error === null;
  const outcome = ok ? 'succeeded' : d.attempts >= MAX_DELIVERY_ATTEMPTS || !d.active ? 'failed' : 'retried';
  const next = outcome === 'retried' ? sql`now() + ${retryDelayMs(d.attempts)} * interval '1 millisecond'` : sql`now()`;
  const res = await db.execute(sql`
    update webhook_deliveries
    set status = ${outcome === 'retried' ? 'pending' : outcome}, next_attempt_at = ${next}, response_status = ${r.status},
      response_body = ${r.body}, error = ${r.error}, duration_ms = ${r.durationMs}, updated_at = now()
    where id = ${d.id} and status = 'pending' and attempts = ${d.attempts}`);
  return res.rowCount === 1 ? outcome : null;
}

/** One attempt: the body in the webhook's format, signed with a fresh timestamp. */
async function attempt(d: Claimed, opts: DeliverOptions): Promise<SendResult> {
  // A switched-off webhook sends nothing more (a test ping still goes: the admin asked for it).
  if (!d.active && d.eventKind !== 'ping') return { status: null, body: null, error: 'the webhook was switched off before this was sent', durationMs: 0 };
  const body = JSON.stringify(renderPayload(d.format, d.payload, opts.baseUrl));
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Tandem-Webhooks/1',
    'x-tandem-event': d.eventKind,
    'x-tandem-delivery': d.id,
    'x-tandem-timestamp': String(timestamp),
    'x-tandem-signature': signPayload(d.secret, timestamp, body),
  };
  return sendWebhook(d.url, body, headers, { allowPrivate: d.allowPrivate, allowLoopback: opts.webhookAllowLoopback ?? false, ...opts.send });
}

/**
 * Sends the webhook deliveries that are due. Safe to run at once in several processes: rows
 * are claimed with FOR UPDATE SKIP LOCKED and leased, PARALLEL_SENDS at a time (each claim
 * sent before the next is taken, so a lease covers only what is in flight), and no transaction
 * stays open while a request is in flight. Failed attempts are retried with exponential
 * backoff (retryDelayMs) up to MAX_DELIVERY_ATTEMPTS, then marked failed. Pass the Config for
 * the operator's WEBHOOK_ALLOW_LOOPBACK.
 */
export async function deliverDueWebhooks(db: Db, opts: DeliverOptions): Promise<DeliverCounts> {
  const counts: DeliverCounts = { sent: 0, succeeded: 0, failed: 0, retried: 0 };
  const limit = opts.limit ?? 100;
  for (let taken = 0; taken < limit;) {
    const claimed = await claim(db, Math.min(PARALLEL_SENDS, limit - taken));
    if (claimed.length === 0) break;
    taken += claimed.length;
    await Promise.all(claimed.map(async (d) => {
      const result = await attempt(d, opts);
      counts.sent++;
      const outcome = await record(db, d, result);
      if (outcome) counts[outcome]++;
    }));
  }
  return counts;
}
