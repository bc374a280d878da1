import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { onAudit, systemAudit } from '../../platform/audit/record';
import { type Config, loadConfig } from '../../platform/config';
import type { Db } from '../../platform/db/client';
import { addMember, type Client, freshDatabase, ORIGIN, setupOwner, testApp, type TestApp } from '../../test/harness';
import { webhooks } from '../tables';
import { deliverDueWebhooks } from './deliver';
import { enqueueWebhookDeliveries } from './enqueue';
import { sendWebhook } from './send';
import { signPayload } from './sign';
import { publicOnly } from './ssrf';
import { checkUpdateTarget, updateWebhook } from './store';

let app: TestApp;
let db: Db;
/** An app with the default configuration: the loopback switch off. */
let strict: { app: TestApp; owner: Client; ws: string };
/** The receiver below listens on 127.0.0.1: the operator's loopback switch is on here (tests only). */
let config: Config;
let owner: Client;
let member: Client;
let ws: string;
let server: Server;
let port: number;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
let flakyFailures = 0;

beforeAll(async () => {
  onAudit('webhooks', enqueueWebhookDeliveries);
  const { url, database } = await freshDatabase();
  config = { ...loadConfig({ DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent', WEBHOOK_ALLOW_LOOPBACK: 'true' }), databaseUrl: url, baseUrl: ORIGIN };
  app = await buildApp({ config, database, state: { shuttingDown: false } }, { logger: false, serveWeb: false });
  await app.ready();
  db = database.db;
  const s = await setupOwner(app, { workspaceName: 'Hooks Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  member = await addMember(app, owner, ws, 'member');
  const t = await testApp();
  const so = await setupOwner(t.app, { workspaceName: 'Strict hooks' });
  strict = { app: t.app, owner: so.owner, ws: so.workspace.slug };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/flaky' && flakyFailures-- > 0) return res.writeHead(500).end('boom');
      if (req.url === '/to-loopback') return res.writeHead(307, { location: `http://127.0.0.2:${port}/ok` }).end();
      if (req.url === '/to-inside') return res.writeHead(307, { location: `http://inside.example.test:${port}/ok` }).end();
      if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.5/hook' }).end();
      if (req.url === '/loop') return res.writeHead(307, { location: '/loop' }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((r) => server.close(() => r()));
});

const base = () => `/api/v1/workspaces/${ws}`;
const local = (path: string) => `http://127.0.0.1:${port}${path}`;
/** Leaves due only what a test queues itself (earlier tests' retries may come due on a slow machine). */
const settleOthers = () => db.execute(sql`update webhook_deliveries set status = 'failed' where status = 'pending'`);
const deliveries = async (id: string) => (await owner.request('GET', `${base()}/webhooks/${id}/deliveries`)).json.items;

describe('webhook routes', () => {
  it('creates with a secret shown once, lists without it, edits, rotates and deletes, auditing each', async () => {
    const created = await owner.request('POST', `${base()}/webhooks`, { name: 'Local', url: local('/ok'), allowPrivate: true, events: ['goal.*'] });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    const id = created.json.id;
    const list = await owner.request('GET', `${base()}/webhooks`);
    expect(list.json.items[0]).toMatchObject({ id, name: 'Local', format: 'json', events: ['goal.*'], active: true, lastDelivery: null });
    expect(JSON.stringify(list.json)).not.toContain('whsec_');
    const edited = await owner.request('PATCH', `${base()}/webhooks/${id}`, { format: 'slack', active: false });
    expect(edited.json).toMatchObject({ format: 'slack', active: false });
    const rotated = await owner.request('POST', `${base()}/webhooks/${id}/rotate-secret`);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(created.json.secret);
    expect((await owner.request('DELETE', `${base()}/webhooks/${id}`)).status).toBe(204);
    expect((await owner.request('GET', `${base()}/webhooks/${id}`)).status).toBe(404);
    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['webhook.create', 'webhook.delete', 'webhook.rotate_secret', 'webhook.update']);
    expect(JSON.stringify(audit.json)).not.toContain('whsec_');
  });

  it('refuses bad and private URLs at body.url and saves nothing', async () => {
    const before = (await owner.request('GET', `${base()}/webhooks`)).json.items.length;
    for (const url of ['ftp://example.com/', 'https://user:pw@example.com/', 'http://10.0.0.5/', 'http://localhost:1/', 'http://2130706433/', 'http://[::ffff:169.254.169.254]/']) {
      const res = await owner.request('POST', `${base()}/webhooks`, { name: 'Bad', url });
      expect(res.status, url).toBe(400);
      expect(res.json.errors[0].path, url).toBe('body.url');
    }
    const priv = await owner.request('POST', `${base()}/webhooks`, { name: 'Bad', url: 'http://10.0.0.5/' });
    expect(priv.json.errors[0].message).toMatch(/^10\.0\.0\.5 is a private address; /);
    const named = await owner.request('POST', `${base()}/webhooks`, { name: 'Bad', url: 'http://localhost:1/' });
    expect(named.json.errors[0].message).toMatch(/^resolves to a loopback address \((127\.0\.0\.1|::1)\); /);
    expect((await owner.request('GET', `${base()}/webhooks`)).json.items.length).toBe(before);
  });

  it('is for admins only, and another workspace\'s webhook is not found', async () => {
    expect((await member.request('GET', `${base()}/webhooks`)).status).toBe(403);
    expect((await member.request('POST', `${base()}/webhooks`, { name: 'x', url: 'https://example.com/' })).status).toBe(403);
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other hooks' });
    const theirs = await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/webhooks`, { name: 'Theirs', url: local('/ok'), allowPrivate: true });
    expect((await owner.request('GET', `${base()}/webhooks/${theirs.json.id}`)).status).toBe(404);
    expect((await owner.request('POST', `${base()}/webhooks/${theirs.json.id}/test`)).status).toBe(404);
    expect((await owner.request('GET', `${base()}/webhooks/${theirs.json.id}/deliveries`)).status).toBe(404);
  });
});

describe('delivery', () => {
  it('sends a signed JSON event for a matching change, and not for others', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Goals', url: local('/ok'), allowPrivate: true, events: ['goal.update'] })).json;
    const goal = (await owner.request('POST', `${base()}/goals`, { title: 'Cut lead time' })).json;
    await owner.request('PATCH', `${base()}/goals/${goal.id}`, { weight: 90 });
    received.length = 0;
    const counts = await deliverDueWebhooks(db, config);
    expect(counts).toMatchObject({ sent: 1, succeeded: 1, failed: 0, retried: 0 });
    const req = received[0]!;
    const ts = Number(req.headers['x-tandem-timestamp']);
    expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(10);
    expect(req.headers['x-tandem-signature']).toBe(signPayload(hook.secret, ts, req.body));
    expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Tandem-Webhooks/1', 'x-tandem-event': 'goal.update' });
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      kind: 'goal.update', workspace: { slug: ws, name: 'Hooks Co' }, actor: { id: owner.userId, name: 'Olivia Owner' },
      entity: { type: 'goal', id: goal.id, title: 'Cut lead time', url: `${ORIGIN}/w/${ws}/goals/${goal.id}` },
      changes: { weight: { after: 90 } },
    });
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'succeeded', attempts: 1, responseStatus: 200, error: null, eventKind: 'goal.update', nextAttemptAt: null });
    expect(d.id).toBe(req.headers['x-tandem-delivery']);
    // The receiver is on loopback, not a public address: its answer is not kept, its status is.
    expect(d.responseBody).toBeNull();
    expect((await owner.request('GET', `${base()}/webhooks/${hook.id}`)).json.lastDelivery).toMatchObject({ status: 'succeeded', responseStatus: 200 });
    const listed = (await owner.request('GET', `${base()}/webhooks`)).json.items;
    expect(listed.find((w: any) => w.id === hook.id).lastDelivery).toMatchObject({ status: 'succeeded', responseStatus: 200, at: d.updatedAt });
    await owner.request('PATCH', `${base()}/webhooks/${hook.id}`, { active: false });
  });

  it('retries a failing receiver with backoff, then succeeds; redelivers on request', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Flaky', url: local('/flaky'), allowPrivate: true, format: 'teams' })).json;
    flakyFailures = 1;
    expect((await owner.request('POST', `${base()}/webhooks/${hook.id}/test`)).status).toBe(202);
    const first = await deliverDueWebhooks(db, config);
    expect(first).toMatchObject({ sent: 1, retried: 1, succeeded: 0 });
    let [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, responseBody: null, error: 'HTTP 500' });
    const wait = new Date(d.nextAttemptAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThan(34_000);
    expect((await deliverDueWebhooks(db, config)).sent).toBe(0); // not due yet
    await db.execute(sql`update webhook_deliveries set next_attempt_at = now() where id = ${d.id}`);
    expect(await deliverDueWebhooks(db, config)).toMatchObject({ sent: 1, succeeded: 1 });
    [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200 });
    expect(JSON.parse(received.at(-1)!.body).attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });

    const again = await owner.request('POST', `${base()}/webhooks/${hook.id}/deliveries/${d.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ eventId: d.eventId, status: 'pending', attempts: 0 });
    expect(await deliverDueWebhooks(db, config)).toMatchObject({ sent: 1, succeeded: 1 });
  });

  it('gives up after 8 attempts', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Dead', url: local('/flaky'), allowPrivate: true })).json;
    flakyFailures = 100;
    await owner.request('POST', `${base()}/webhooks/${hook.id}/test`);
    await db.execute(sql`update webhook_deliveries set attempts = 7 where webhook_id = ${hook.id}`);
    expect(await deliverDueWebhooks(db, config)).toMatchObject({ sent: 1, failed: 1 });
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
    flakyFailures = 0;
  });

  it('checks the address again when sending: a private target saved earlier is refused', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Was allowed', url: local('/ok'), allowPrivate: true })).json;
    await db.execute(sql`update webhooks set allow_private = false where id = ${hook.id}`);
    await owner.request('POST', `${base()}/webhooks/${hook.id}/test`);
    received.length = 0;
    expect(await deliverDueWebhooks(db, config)).toMatchObject({ sent: 1, retried: 1 });
    expect((await deliveries(hook.id))[0].error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(received).toHaveLength(0);
  });
});

describe('the operator\'s loopback switch', () => {
  it('off (the default): allowPrivate opens private networks, never loopback, link-local or other special addresses', async () => {
    const sbase = `/api/v1/workspaces/${strict.ws}`;
    for (const url of [
      'http://127.0.0.1:1/', 'http://localhost:1/', 'http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/', 'http://224.0.0.1/', 'http://255.255.255.255/', 'http://240.0.0.1/',
    ]) {
      const res = await strict.owner.request('POST', `${sbase}/webhooks`, { name: 'Inside', url, allowPrivate: true });
      expect(res.status, url).toBe(400);
      expect(res.json.errors[0], url).toMatchObject({ path: 'body.url', message: expect.stringMatching(/WEBHOOK_ALLOW_LOOPBACK/) });
    }
    for (const url of ['http://10.0.0.5/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://[fd12::1]/', 'http://[::ffff:10.1.2.3]/']) {
      expect((await strict.owner.request('POST', `${sbase}/webhooks`, { name: 'Intranet', url, allowPrivate: true })).status, url).toBe(201);
    }
    const hook = (await strict.owner.request('POST', `${sbase}/webhooks`, { name: 'Intranet', url: 'http://10.0.0.7/', allowPrivate: true })).json;
    const toMetadata = await strict.owner.request('PATCH', `${sbase}/webhooks/${hook.id}`, { url: 'http://169.254.169.254/' });
    expect(toMetadata.status).toBe(400);
    expect(toMetadata.json.errors[0].message).toMatch(/^169\.254\.169\.254 is a link-local address; /);
    const notPrivate = await strict.owner.request('PATCH', `${sbase}/webhooks/${hook.id}`, { allowPrivate: false });
    expect(notPrivate.json.errors[0].message).toMatch(/^10\.0\.0\.7 is a private address; .*"allow private addresses"/);
    expect((await strict.owner.request('PATCH', `${sbase}/webhooks/${hook.id}`, { name: 'Renamed' })).status).toBe(200);
  });

  it('off when sending: a loopback target saved while it was on is refused without connecting', async () => {
    await settleOthers();
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Loopback', url: local('/ok'), allowPrivate: true })).json;
    await owner.request('POST', `${base()}/webhooks/${hook.id}/test`);
    received.length = 0;
    expect(await deliverDueWebhooks(db, { baseUrl: ORIGIN })).toMatchObject({ sent: 1, retried: 1 });
    expect((await deliveries(hook.id))[0].error).toMatch(/^127\.0\.0\.1 is a loopback address; .*WEBHOOK_ALLOW_LOOPBACK/);
    expect(received).toHaveLength(0);
    await owner.request('DELETE', `${base()}/webhooks/${hook.id}`);
  });
});

describe('delivery runs', () => {
  it('claims a batch at a time until the run\'s limit', async () => {
    await settleOthers();
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Busy', url: local('/ok'), allowPrivate: true })).json;
    for (let i = 0; i < 10; i++) await owner.request('POST', `${base()}/webhooks/${hook.id}/test`);
    expect(await deliverDueWebhooks(db, { ...config, limit: 9 })).toMatchObject({ sent: 9, succeeded: 9 });
    expect(await deliverDueWebhooks(db, config)).toMatchObject({ sent: 1, succeeded: 1 });
    await owner.request('DELETE', `${base()}/webhooks/${hook.id}`);
  });

  it('does not overwrite an attempt that another process took over meanwhile', async () => {
    await settleOthers();
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Slow', url: `http://slow.example.test:${port}/ok`, allowPrivate: true })).json;
    await owner.request('POST', `${base()}/webhooks/${hook.id}/test`);
    received.length = 0;
    // While this attempt is in flight, another process claims the row again (its lease ran out).
    const resolve = async () => {
      await db.execute(sql`update webhook_deliveries set attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes' where webhook_id = ${hook.id}`);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    expect(await deliverDueWebhooks(db, { ...config, send: { resolve } })).toEqual({ sent: 1, succeeded: 0, failed: 0, retried: 0 });
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'pending', attempts: 2, responseStatus: null });
    // The ping names the admin who asked for it.
    expect(JSON.parse(received[0]!.body)).toMatchObject({ kind: 'ping', actor: { id: owner.userId, name: 'Olivia Owner' }, entity: null });
    await owner.request('DELETE', `${base()}/webhooks/${hook.id}`);
  });

  it('an edit whose URL was checked answers 409 when url or allowPrivate changed before its transaction', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Raced', url: local('/ok'), allowPrivate: true })).json;
    const [row] = await db.select({ workspaceId: webhooks.workspaceId }).from(webhooks).where(sql`${webhooks.id} = ${hook.id}`);
    const checks = { webhookAllowLoopback: true };
    const edit = { url: local('/other') };
    const checked = await checkUpdateTarget(db, row!.workspaceId, hook.id, edit, checks);
    await db.execute(sql`update webhooks set allow_private = false where id = ${hook.id}`);
    await expect(db.transaction((tx) => updateWebhook(tx, systemAudit, row!.workspaceId, hook.id, edit, checked))).rejects.toMatchObject({ status: 409 });
    // An edit that leaves both alone is not checked and goes through.
    const rename = { name: 'Renamed' };
    expect(await checkUpdateTarget(db, row!.workspaceId, hook.id, rename, checks)).toBeNull();
    await expect(db.transaction((tx) => updateWebhook(tx, systemAudit, row!.workspaceId, hook.id, rename, null))).resolves.toMatchObject({ name: 'Renamed' });
    await owner.request('DELETE', `${base()}/webhooks/${hook.id}`);
  });

  it('sends only changes every member may hear of', async () => {
    const hook = (await owner.request('POST', `${base()}/webhooks`, { name: 'Everything', url: local('/ok'), allowPrivate: true, events: [] })).json;
    await owner.request('PATCH', `${base()}/webhooks/${hook.id}`, { name: 'Everything shared' });
    expect((await owner.request('POST', `${base()}/invitations`, { email: 'new.person@example.com', role: 'member' })).status).toBe(201);
    expect(await deliveries(hook.id)).toEqual([]);
    await owner.request('POST', `${base()}/goals`, { title: 'Shared goal' });
    expect((await deliveries(hook.id)).map((d: any) => d.eventKind)).toEqual(['goal.create']);
    await owner.request('DELETE', `${base()}/webhooks/${hook.id}`);
  });
});

describe('sendWebhook', () => {
  // Only the test receiver's address counts as public here; every other rule stays.
  const policy = (a: string) => (a === '127.0.0.1' ? null : publicOnly(a));
  const send = (url: string, extra: object = {}) => sendWebhook(url, '{}', { 'content-type': 'application/json' }, { allowPrivate: false, policy, ...extra });

  it('refuses a redirect to a loopback or private address without connecting to it', async () => {
    received.length = 0;
    const loop = await send(local('/to-loopback'));
    expect(loop).toMatchObject({ status: null, error: expect.stringMatching(/127\.0\.0\.2 is a loopback address/) });
    const priv = await send(local('/to-private'));
    expect(priv.error).toMatch(/10\.0\.0\.5 is a private address/);
    expect(received.map((r) => r.path)).toEqual(['/to-loopback', '/to-private']);
  });

  it('keeps the answer of a public address, and only the status of a non-public one', async () => {
    expect((await send(local('/ok'))).body).toHaveLength(2048);
    const inside = await send(local('/ok'), { allowPrivate: true, allowLoopback: true, policy: publicOnly });
    expect(inside).toMatchObject({ status: 200, body: null, error: null });
    // Public first, then redirected to a loopback address the webhook may reach (the same receiver, IPv4-mapped).
    const resolve = (host: string) => Promise.resolve([{ address: host === 'inside.example.test' ? '::ffff:127.0.0.1' : '127.0.0.1', family: host === 'inside.example.test' ? 6 : 4 }]);
    expect(await send(local('/to-inside'), { allowPrivate: true, allowLoopback: true, resolve })).toMatchObject({ status: 200, body: null, error: null });
    expect(received.at(-1)!.path).toBe('/ok');
  });

  it('allowPrivate alone does not open loopback', async () => {
    expect((await send(local('/ok'), { allowPrivate: true, policy: publicOnly })).error).toMatch(/127\.0\.0\.1 is a loopback address/);
  });

  it('follows at most 3 redirects', async () => {
    expect((await send(local('/loop'))).error).toBe('more than 3 redirects');
  });

  it('connects to the address that was checked, whatever the name', async () => {
    const resolve = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    expect(await send(`http://hooks.example.test:${port}/ok`, { resolve })).toMatchObject({ status: 200, error: null });
    const rebinding = () => Promise.resolve([{ address: '10.9.9.9', family: 4 }]);
    expect((await send(`http://hooks.example.test:${port}/ok`, { resolve: rebinding })).error).toMatch(/hooks\.example\.test resolves to a private address \(10\.9\.9\.9\)/);
  });
});
