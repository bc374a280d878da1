import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_KIND_NAMES } from '../../../domain/collaboration/kinds';
import { systemAudit } from '../../platform/audit/record';
import type { Database } from '../../platform/db/client';
import { addMember, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';
import { requeueEmail } from './outbox';

let app: TestApp;
let database: Database;
let owner: Client;
let ws: { id: string; slug: string };
const P = '/api/v1/me/notification-preferences';

beforeAll(async () => {
  ({ app, database } = await testApp());
  ({ owner, workspace: ws } = await setupOwner(app, { workspaceName: 'Prefs Co' }));
});

describe('notification preferences', () => {
  it('starts from each kind’s defaults and 08:00 UTC', async () => {
    const res = await owner.request('GET', P);
    expect(res.status).toBe(200);
    expect(res.json.kinds.map((k: any) => k.kind)).toEqual(NOTIFICATION_KIND_NAMES);
    expect(res.json.kinds.find((k: any) => k.kind === 'comment.mention')).toEqual({
      kind: 'comment.mention', label: 'Someone mentions me in a comment', inApp: true, email: 'immediate', default: { inApp: true, email: 'immediate' },
    });
    expect(res.json.digest).toEqual({ hour: 8, timeZone: 'UTC' });
  });

  it('changes only the kinds sent, keeps the rest, and is audited', async () => {
    const res = await owner.request('PUT', P, {
      kinds: [{ kind: 'comment.mention', inApp: false, email: 'digest' }],
      digest: { hour: 18, timeZone: 'europe/berlin' },
    });
    expect(res.status).toBe(200);
    const mention = res.json.kinds.find((k: any) => k.kind === 'comment.mention');
    expect(mention).toMatchObject({ inApp: false, email: 'digest', default: { inApp: true, email: 'immediate' } });
    expect(res.json.kinds.find((k: any) => k.kind === 'watch.change')).toMatchObject({ inApp: true, email: 'digest' });
    expect(res.json.digest).toEqual({ hour: 18, timeZone: 'Europe/Berlin' });
    // The GET answer sent back as is (labels and defaults ignored) changes nothing; only the hour.
    const again = await owner.request('PUT', P, { ...res.json, digest: { hour: 6 } });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...res.json, digest: { hour: 6, timeZone: 'Europe/Berlin' } });
    expect((await owner.request('GET', P)).json).toEqual(again.json);

    const audit = (await database.pool.query(
      "select workspace_id, entity_type, entity_id, before, after from audit_log where action = 'notification_preferences.update' and actor_user_id = $1 order by id",
      [owner.userId],
    )).rows;
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      workspace_id: null, entity_type: 'user', entity_id: owner.userId,
      before: { kinds: { 'comment.mention': { inApp: true, email: 'immediate' } }, digest: { hour: 8, timeZone: 'UTC' } },
      after: { kinds: { 'comment.mention': { inApp: false, email: 'digest' } }, digest: { hour: 18, timeZone: 'Europe/Berlin' } },
    });
  });

  it('keeps each person’s preferences apart', async () => {
    const member = await addMember(app, owner, ws.slug, 'member');
    expect((await member.request('GET', P)).json.digest).toEqual({ hour: 8, timeZone: 'UTC' });
  });

  it('refuses bad input with field paths and changes nothing', async () => {
    const before = (await owner.request('GET', P)).json;
    const cases: [unknown, string[]][] = [
      [{ kinds: [{ kind: 'comment.mention', inApp: true, email: 'off' }, { kind: 'no.such', inApp: true, email: 'off' }] }, ['body.kinds.1.kind']],
      [{ digest: { timeZone: 'Mars/Olympus' } }, ['body.digest.timeZone']],
      [{ digest: { hour: 24 } }, ['body.digest.hour']],
      [{ digest: { hour: 7.5 } }, ['body.digest.hour']],
      [{ kinds: [{ kind: 'comment.mention', inApp: true, email: 'weekly' }] }, ['body.kinds.0.email']],
    ];
    for (const [body, paths] of cases) {
      const res = await owner.request('PUT', P, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.errors.map((e: any) => e.path)).toEqual(paths);
    }
    expect((await owner.request('GET', P)).json).toEqual(before);
  });

  it('needs a signed-in user', async () => {
    expect((await app.inject({ method: 'GET', url: P })).statusCode).toBe(401);
  });
});

describe('outbox', () => {
  let admin: Client;
  let member: Client;
  const base = () => `/api/v1/workspaces/${ws.slug}/outbox`;

  beforeAll(async () => {
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member', 'plain');
    for (const to of ['one@example.com', 'two@example.com']) {
      expect((await owner.request('POST', `/api/v1/workspaces/${ws.slug}/invitations`, { email: to, role: 'viewer' })).status).toBe(201);
    }
  });

  it('lists the workspace’s e-mails newest first for admins, with the SMTP state', async () => {
    const res = await admin.request('GET', `${base()}?limit=1`);
    expect(res.status).toBe(200);
    expect(res.json.smtpConfigured).toBe(false);
    expect(res.json.items).toHaveLength(1);
    expect(res.json.items[0]).toMatchObject({ to: 'two@example.com', kind: 'invitation', status: 'unsent', attempts: 0, lastError: null, sentAt: null, nextAttemptAt: null });
    expect(res.json.items[0]).not.toHaveProperty('text');
    const next = await admin.request('GET', `${base()}?limit=1&cursor=${res.json.nextCursor}`);
    expect(next.json.items.map((e: any) => e.to)).toEqual(['one@example.com']);
    expect((await admin.request('GET', `${base()}?status=sent`)).json.items).toEqual([]);
    expect((await admin.request('GET', `${base()}?status=unsent`)).json.items).toHaveLength(2);
    expect((await admin.request('GET', `${base()}?status=bogus`)).status).toBe(400);
  });

  it('shows one e-mail with its text', async () => {
    const [email] = (await admin.request('GET', base())).json.items;
    const res = await admin.request('GET', `${base()}/${email.id}`);
    expect(res.status).toBe(200);
    // The invitation link reads /invite/…: whoever read it could join with the invited role.
    expect(res.json.text).toMatch(/\/invite\/…\n/);
    expect(res.json.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]/);
  });

  it('refuses members (403) and another workspace’s e-mail (404)', async () => {
    const [email] = (await admin.request('GET', base())).json.items;
    expect((await member.request('GET', base())).status).toBe(403);
    expect((await member.request('GET', `${base()}/${email.id}`)).status).toBe(403);
    expect((await member.request('POST', `${base()}/${email.id}/send`, {})).status).toBe(403);
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
    const elsewhere = `/api/v1/workspaces/${other.json.slug}/outbox/${email.id}`;
    expect((await owner.request('GET', elsewhere)).status).toBe(404);
    expect((await owner.request('POST', `${elsewhere}/send`, {})).status).toBe(404);
  });

  it('says why it cannot send without SMTP (409), and re-queues once SMTP is there', async () => {
    const [email] = (await admin.request('GET', base())).json.items;
    const res = await admin.request('POST', `${base()}/${email.id}/send`, {});
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('No SMTP server is configured');

    const asOwner = { id: ws.id, role: 'owner' as const };
    const requeued = await database.db.transaction((tx) => requeueEmail(tx, systemAudit, { smtpUrl: 'smtp://127.0.0.1:25' }, asOwner, email.id));
    expect(requeued).toMatchObject({ id: email.id, status: 'queued', attempts: 0, lastError: null });
    await expect(database.db.transaction((tx) => requeueEmail(tx, systemAudit, { smtpUrl: 'smtp://127.0.0.1:25' }, asOwner, email.id)))
      .rejects.toThrow('already queued');
    const audit = (await owner.request('GET', `/api/v1/workspaces/${ws.slug}/audit-log?entityId=${email.id}`)).json.items;
    expect(audit[0]).toMatchObject({ action: 'email.requeue', before: { status: 'unsent' }, after: { status: 'queued' } });
  });
});

describe('outbox of an archived workspace', () => {
  it('can be read but sends nothing (409)', async () => {
    const o = owner;
    const workspace = (await owner.request('POST', '/api/v1/workspaces', { name: 'Archived Mail Co' })).json;
    const base = `/api/v1/workspaces/${workspace.slug}/outbox`;
    expect((await o.request('POST', `/api/v1/workspaces/${workspace.slug}/invitations`, { email: 'late@example.com', role: 'viewer' })).status).toBe(201);
    const [email] = (await o.request('GET', base)).json.items;
    expect((await o.request('POST', `/api/v1/workspaces/${workspace.slug}/archive`, {})).status).toBe(200);
    expect((await o.request('GET', `${base}/${email.id}`)).status).toBe(200);
    const res = await o.request('POST', `${base}/${email.id}/send`, {});
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('archived');
  });
});

describe('OpenAPI', () => {
  it('documents the preferences and outbox routes', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/v1/me/notification-preferences']!).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/v1/workspaces/{ws}/outbox/{emailId}/send']).toHaveProperty('post');
  });
});
