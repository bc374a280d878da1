import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signPayload } from './sign';

describe('signing', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 (checked with openssl dgst -sha256 -hmac)', () => {
    expect(signPayload('whsec_test', 1700000000, '{"kind":"ping"}')).toBe('sha256=db12e0595715d2510c13dea54c40711d893816899ee5d343115eb8d29144001d');
  });
  it('makes 32-byte base64url secrets with a prefix', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(s);
  });
});
