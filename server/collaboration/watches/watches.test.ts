import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onAudit } from '../../platform/audit/record';
import { auditLog } from '../../platform/tables';
import type { Database } from '../../platform/db/client';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { notifications } from '../tables';
import { watchListener } from './listener';

let app: TestApp;
let database: Database;
let owner: Client;
let member: Client;
let viewer: Client;
let ws: string;
const base = () => `/api/v1/workspaces/${ws}`;

beforeAll(async () => {
  ({ app, database } = await testApp());
  onAudit('watches', watchListener);
  const s = await setupOwner(app, { workspaceName: 'Watch Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  member = await addMember(app, owner, ws, 'member', 'mia');
  viewer = await addMember(app, owner, ws, 'viewer', 'vera');
});

describe('watches', () => {
  it('lets a viewer watch and unwatch, idempotently', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Watched' })).json.id;
    const q = `entityType=goal&entityId=${g}`;
    // The creator watches what they create.
    expect((await owner.request('GET', `${base()}/watches?${q}`)).json).toEqual({ watching: true, watchers: 1 });
    expect((await viewer.request('GET', `${base()}/watches?${q}`)).json).toEqual({ watching: false, watchers: 1 });
    expect((await viewer.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g })).json).toEqual({ watching: true, watchers: 2 });
    expect((await viewer.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g })).json).toEqual({ watching: true, watchers: 2 });
    expect((await viewer.request('DELETE', `${base()}/watches?${q}`)).json).toEqual({ watching: false, watchers: 1 });
    expect((await viewer.request('DELETE', `${base()}/watches?${q}`)).status).toBe(200);
  });

  it('audits watching and unwatching, once per change, out of the activity feed', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Audited watch' })).json.id;
    const ref = { entityType: 'goal', entityId: g };
    await member.request('PUT', `${base()}/watches`, ref);
    await member.request('PUT', `${base()}/watches`, ref);
    await member.request('DELETE', `${base()}/watches?entityType=goal&entityId=${g}`);
    await member.request('DELETE', `${base()}/watches?entityType=goal&entityId=${g}`);
    const entries = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'watch'), eq(auditLog.entityId, g))).orderBy(auditLog.id);
    expect(entries.map((e) => ({ action: e.action, actor: e.actorUserId, before: e.before, after: e.after }))).toEqual([
      { action: 'watch.create', actor: member.userId, before: null, after: ref },
      { action: 'watch.delete', actor: member.userId, before: ref, after: null },
    ]);
    // The creator's automatic watch is part of the audited goal.create, not an entry of its own.
    expect(entries.some((e) => e.actorUserId === owner.userId)).toBe(false);
    const feed = await viewer.request('GET', `${base()}/activity?limit=200`);
    expect(feed.json.items.some((i: any) => i.entityType === 'watch')).toBe(false);
  });

  it('checks the item', async () => {
    const kind = await viewer.request('PUT', `${base()}/watches`, { entityType: 'nope', entityId: '00000000-0000-4000-8000-000000000000' });
    expect(kind.status).toBe(400);
    expect(kind.json.errors[0].path).toBe('body.entityType');
    expect((await viewer.request('GET', `${base()}/watches?entityType=goal&entityId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const s2 = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Watch Co' });
    const theirs = (await owner.request('POST', `/api/v1/workspaces/${s2.json.slug}/goals`, { title: 'Theirs' })).json.id;
    expect((await owner.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: theirs })).status).toBe(404);
  });

  it('makes a commenter a watcher', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Discussed' })).json.id;
    await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body: 'hi' });
    expect((await member.request('GET', `${base()}/watches?entityType=goal&entityId=${g}`)).json.watching).toBe(true);
  });

  it('tells watchers of changes, with the changed fields, but not the one who changed it', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Cut lead time', weight: 50 })).json.id;
    await viewer.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g });
    await member.request('PATCH', `${base()}/goals/${g}`, { weight: 70, description: 'Faster' });
    const rows = await database.db.select().from(notifications).where(and(eq(notifications.kind, 'watch.change'), eq(notifications.entityId, g)));
    expect(rows.map((r) => r.userId).sort()).toEqual([owner.userId, viewer.userId].sort());
    expect(rows[0]).toMatchObject({ title: 'mia person updated goal “Cut lead time”', body: 'Changed: description, weight', link: `/goals/${g}` });
    // The owner changes it: the viewer hears, the owner does not.
    await owner.request('POST', `${base()}/goals/${g}/archive`);
    const archived = await database.db.select().from(notifications).where(and(eq(notifications.kind, 'watch.change'), eq(notifications.entityId, g)));
    const news = archived.filter((r) => r.title.includes('archived'));
    expect(news.map((r) => r.userId)).toEqual([viewer.userId]);
  });
});
