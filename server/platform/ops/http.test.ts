import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { freshDatabase, ORIGIN, setupOwner, type TestApp } from '../../test/harness';
import { loadConfig, type TrustProxy } from '../config';
import type { Database } from '../db/client';
import { redactUrl } from './http';

// A built web app in miniature: the shell, a hashed asset, a favicon.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Tandem</title><script type="module" src="/assets/index-Bx3k9.js"></script>');
fs.writeFileSync(path.join(webRoot, 'assets', 'index-Bx3k9.js'), 'console.log("tandem")');
fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let database: Database;
let app: TestApp;
const logLines: string[] = [];
const SECRET = 'Zq3sEcReTtOkEn_with-43-characters-xxxxxxxxx';

/** The app as `npm start` builds it (web app served, logger on), on a test database and a fixture web folder. */
async function build(trustProxy: TrustProxy, lines: string[]): Promise<TestApp> {
  const config = { ...loadConfig({ DATA_DIR: '/tmp/unused' }), databaseUrl: 'postgres://unused', baseUrl: ORIGIN, trustProxy };
  const built = await buildApp(
    { config, database, state: { shuttingDown: false } },
    { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } }, webRoot },
  );
  await built.ready();
  return built;
}

beforeAll(async () => {
  ({ database } = await freshDatabase());
  app = await build(['loopback'], logLines);
});

afterAll(async () => {
  await app.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/v1/setup', 200],
    ['a problem', '/api/v1/nothing-here', 404],
    ['a health check', '/healthz', 200],
    ['the API docs page', '/api/docs/', 200],
    ['the OpenAPI document', '/api/openapi.json', 200],
    ['the web app', '/', 200],
    ['a web asset', '/assets/index-Bx3k9.js', 200],
  ])('are on %s', async (_what, url, status) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "frame-ancestors 'none'",
      'referrer-policy': 'same-origin',
    });
  });
});

describe('request logs', () => {
  it.each([
    ['/api/v1/invitations/abc', '/api/v1/invitations/[redacted]'],
    ['/api/v1/invitations/abc/accept', '/api/v1/invitations/[redacted]/accept'],
    ['/api/v1/invitations/abc?x=1', '/api/v1/invitations/[redacted]?x=1'],
    ['/invite/abc', '/invite/[redacted]'],
    ['/sign-in?next=%2Finvite%2Fabc', '/sign-in?next=%2Finvite%2F[redacted]'],
    ['/sign-in?next=%2finvite%2fabc&x=1', '/sign-in?next=%2finvite%2f[redacted]&x=1'],
    ['/api/v1/workspaces/acme/invitations', '/api/v1/workspaces/acme/invitations'],
    ['/inviter/abc', '/inviter/abc'],
  ])('show %s as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('never contain an invitation secret', async () => {
    logLines.length = 0;
    await app.inject(`/api/v1/invitations/${SECRET}`);
    await app.inject({ method: 'POST', url: `/api/v1/invitations/${SECRET}/accept`, headers: { origin: ORIGIN }, payload: {} });
    await app.inject(`/invite/${SECRET}`);
    await app.inject(`/sign-in?next=${encodeURIComponent(`/invite/${SECRET}`)}`);
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; req?: { url: string; method: string } });
    const urls = logged.filter((l) => l.msg === 'incoming request').map((l) => `${l.req!.method} ${l.req!.url}`);
    expect(urls).toEqual([
      'GET /api/v1/invitations/[redacted]',
      'POST /api/v1/invitations/[redacted]/accept',
      'GET /invite/[redacted]',
      'GET /sign-in?next=%2Finvite%2F[redacted]',
    ]);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('the client address behind a reverse proxy', () => {
  const forwarded = { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' };
  const loggedAddress = (lines: string[]) =>
    lines.map((l) => JSON.parse(l) as { msg: string; req?: { remoteAddress: string } }).find((l) => l.msg === 'incoming request')!.req!.remoteAddress;

  it('is the peer when no proxy is trusted (the default), so a client cannot forge it', async () => {
    const lines: string[] = [];
    const direct = await build(false, lines);
    await direct.inject({ url: '/api/v1/setup', headers: forwarded });
    await direct.close();
    expect(loggedAddress(lines)).toBe('127.0.0.1');
  });

  it('is taken from X-Forwarded-For past the trusted proxies', async () => {
    logLines.length = 0;
    await app.inject({ url: '/api/v1/setup', headers: forwarded });
    expect(loggedAddress(logLines)).toBe('198.51.100.4'); // loopback trusted; 198.51.100.4 is not

    const lines: string[] = [];
    const twoHops = await build(2, lines);
    await twoHops.inject({ url: '/api/v1/setup', headers: forwarded });
    await twoHops.close();
    expect(loggedAddress(lines)).toBe('203.0.113.9');
  });
});

describe('the web app', () => {
  it.each(['/', '/index.html', '/goals', '/workspaces/acme/requests?tab=open'])('serves the shell at %s, revalidated on every load', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Tandem</title>');
  });

  it('answers HEAD / like GET /, without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe('');
  });

  it('lets browsers keep hashed assets for good, other files for an hour', async () => {
    const asset = await app.inject('/assets/index-Bx3k9.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'HEAD', url: '/assets/index-Bx3k9.js' })).statusCode).toBe(200);
    expect((await app.inject('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('gives a missing file or API route a problem, not the shell', async () => {
    for (const url of ['/assets/gone-123.js', '/api/v1/nothing-here', '/api']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('JSON bodies', () => {
  it('takes an empty body sent as application/json as no body', async () => {
    const { owner } = await setupOwner(app, { workspaceName: 'Empty Bodies' });
    const headers = { cookie: owner.cookie, origin: ORIGIN, 'content-type': 'application/json' };
    const revoke = await app.inject({ method: 'POST', url: '/api/v1/me/sessions/revoke-others', headers, payload: '' });
    expect(revoke.statusCode).toBe(200);
    const logout = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, payload: '' });
    expect(logout.statusCode).toBe(204);
  });

  it('still refuses an empty body where one is required, and malformed JSON', async () => {
    const headers = { origin: ORIGIN, 'content-type': 'application/json' };
    const empty = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.json().title).toBe('Validation failed');
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ title: 'Malformed JSON', status: 400 });
    const poisoned = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: '{"__proto__":{"admin":true}}' });
    expect(poisoned.statusCode).toBe(400);
  });
});
