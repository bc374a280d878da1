import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, base64url, prefixed so it is recognisable in a vault. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The X-Tandem-Signature value for a body sent at `timestamp` (unix seconds).
 *
 * How a receiver verifies a delivery:
 *   1. read X-Tandem-Timestamp and the raw request body (bytes, before any JSON parsing);
 *   2. compute hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the webhook's secret
 *      (the whole string, `whsec_` prefix included, as the key);
 *   3. compare `sha256=<hex>` with X-Tandem-Signature in constant time;
 *   4. refuse timestamps more than 5 minutes from now, so a captured request cannot be replayed.
 */
export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}
