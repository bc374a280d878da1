import { Agent, request } from 'undici';
import { webhookUrlProblem } from '../../../domain/collaboration/webhooks';
import {
  type AddressPolicy, checkHost, guardedLookup, hostOf, isIpLiteral, publicOnly, type Resolver, targetPolicy, UnsafeTargetError,
} from './ssrf';

export const SEND_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 3;
export const RESPONSE_BODY_LIMIT = 2048;

export interface SendOptions {
  /** The webhook's own permission to reach private networks. */
  allowPrivate: boolean;
  /** The operator's WEBHOOK_ALLOW_LOOPBACK: with allowPrivate, every address (off by default). */
  allowLoopback?: boolean;
  /** What counts as a public address (publicOnly by default; tests narrow it). */
  policy?: AddressPolicy;
  resolve?: Resolver;
  timeoutMs?: number;
}

export interface SendResult {
  /** The final HTTP status, or null when no answer came. */
  status: number | null;
  /** The first 2 KB of the final answer; null when a non-public address was reached (nothing of it is kept). */
  body: string | null;
  error: string | null;
  durationMs: number;
}

/** Drops the rest of a body (an abort error from it has nowhere to go but here). */
function discard(body: { on(event: 'error', f: () => void): unknown; destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

/** Reads at most `limit` bytes of a response body, then drops the rest. */
async function readStart(body: AsyncIterable<Buffer> & Parameters<typeof discard>[0], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  discard(body);
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks).subarray(0, limit));
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string; cause?: unknown };
  if (err instanceof UnsafeTargetError) return err.message;
  if (e.cause instanceof UnsafeTargetError) return e.cause.message;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  return [e.code, e.message].filter(Boolean).join(': ') || 'request failed';
}

/**
 * POSTs `body` to `url`. Every connection goes through a lookup that checks the addresses it
 * connects to; redirects are followed by hand (at most 3), each target checked the same way.
 * A 301/302/303 turns the request into a GET without body, as browsers and fetch do. When a
 * non-public address was reached (allowed by the webhook's rules), only the status is kept:
 * the answer of an internal service is not shown to workspace admins.
 */
export async function sendWebhook(url: string, body: string, headers: Record<string, string>, opts: SendOptions): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  const isPublic = opts.policy ?? publicOnly;
  const allowed = targetPolicy({ allowPrivate: opts.allowPrivate, allowLoopback: opts.allowLoopback ?? false, publicPolicy: isPublic });
  // Set when any address allowed for a connection is not public: its answer is not read back.
  let reachedNonPublic = false;
  const policy: AddressPolicy = (address) => {
    const refused = allowed(address);
    if (refused === null && isPublic(address) !== null) reachedNonPublic = true;
    return refused;
  };
  const agent = new Agent({ connect: { lookup: guardedLookup({ policy, resolve: opts.resolve }), timeout: timeoutMs } });
  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let target = url;
  let method: 'POST' | 'GET' = 'POST';
  try {
    for (let hop = 0; ; hop++) {
      const problem = webhookUrlProblem(target);
      if (problem) return { status: null, body: null, error: `redirect target ${problem}`, durationMs: took() };
      const parsed = new URL(target);
      // Sockets skip the lookup for IP literals: check those here.
      if (isIpLiteral(hostOf(parsed))) await checkHost(hostOf(parsed), { policy });
      const res = await request(target, {
        method, dispatcher: agent, signal, headers: method === 'POST' ? headers : { 'user-agent': headers['user-agent'] ?? '' },
        body: method === 'POST' ? body : undefined, headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
      });
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
        discard(res.body);
        if (hop >= MAX_REDIRECTS) return { status: res.statusCode, body: null, error: `more than ${MAX_REDIRECTS} redirects`, durationMs: took() };
        target = new URL(location, target).toString();
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) method = 'GET';
        continue;
      }
      let text: string | null = null;
      if (reachedNonPublic) discard(res.body);
      else text = await readStart(res.body, RESPONSE_BODY_LIMIT);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return { status: res.statusCode, body: text, error: ok ? null : `HTTP ${res.statusCode}`, durationMs: took() };
    }
  } catch (err) {
    return { status: null, body: null, error: describe(err, timeoutMs), durationMs: took() };
  } finally {
    void agent.close();
  }
}
