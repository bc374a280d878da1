import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { notify } from '../notify';
import { notificationPreferences, notifications } from '../tables';

let app: TestApp;
let database: Database;
let owner: Client;
let member: Client;
let viewer: Client;
let outsider: Client;
let ws: { id: string; slug: string };

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Notify Co' });
  owner = s.owner;
  ws = s.workspace;
  member = await addMember(app, owner, ws.slug, 'member');
  viewer = await addMember(app, owner, ws.slug, 'viewer');
  const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
  outsider = await addMember(app, owner, other.json.slug, 'member', 'outsider');
});

const base = () => `/api/v1/workspaces/${ws.slug}/notifications`;

describe('notify()', () => {
  it('reaches members only, never the actor, each as they chose', async () => {
    const { db } = database;
    // The viewer wants mentions in the app only; the member keeps the defaults (app + immediate e-mail).
    await db.insert(notificationPreferences).values({ userId: viewer.userId, kind: 'comment.mention', inApp: true, email: 'off' });
    const notified = await db.transaction((tx) => notify(tx, {
      workspaceId: ws.id, kind: 'comment.mention', actorUserId: owner.userId,
      recipients: [owner.userId, member.userId, viewer.userId, viewer.userId, outsider.userId],
      entity: { type: 'goal', id: ws.id }, title: 'Ada mentioned you',
    }));
    expect(notified.sort()).toEqual([member.userId, viewer.userId].sort());
    const rows = await db.select().from(notifications).where(eq(notifications.workspaceId, ws.id));
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(member.userId)).toMatchObject({ inApp: true, email: 'immediate', link: `/goals/${ws.id}` });
    expect(byUser.get(viewer.userId)).toMatchObject({ inApp: true, email: 'none' });
    expect(byUser.has(owner.userId)).toBe(false);
    expect(byUser.has(outsider.userId)).toBe(false);
  });

  it('writes nothing for someone who turned a kind off everywhere', async () => {
    const { db } = database;
    await db.insert(notificationPreferences).values({ userId: member.userId, kind: 'watch.change', inApp: false, email: 'off' });
    const notified = await db.transaction((tx) => notify(tx, {
      workspaceId: ws.id, kind: 'watch.change', actorUserId: owner.userId, recipients: [member.userId], title: 'Changed',
    }));
    expect(notified).toEqual([]);
  });
});

describe('notification centre', () => {
  it('lists my notifications, counts unread, marks read and unread', async () => {
    const before = await member.request('GET', `${base()}/unread-count`);
    expect(before.status).toBe(200);
    const list = await member.request('GET', base());
    expect(list.status).toBe(200);
    const mine = list.json.items as any[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ title: 'Ada mentioned you', actor: { id: owner.userId }, readAt: null });
    const id = mine[0].id as string;

    const read = await member.request('POST', `${base()}/${id}/read`);
    expect(read.json).toEqual({ updated: 1 });
    const after = await member.request('GET', `${base()}/unread-count`);
    expect(after.json.unread).toBe(before.json.unread - 1);
    const unreadOnly = await member.request('GET', `${base()}?unread=true`);
    expect(unreadOnly.json.items.map((n: any) => n.id)).not.toContain(id);
    const again = await member.request('POST', `${base()}/${id}/read`);
    expect(again.json).toEqual({ updated: 0 });
    await member.request('POST', `${base()}/${id}/unread`);
    expect((await member.request('GET', `${base()}/unread-count`)).json.unread).toBe(before.json.unread);
    const all = await member.request('POST', `${base()}/read-all`);
    expect(all.json.updated).toBe(before.json.unread);
    expect((await member.request('GET', `${base()}/unread-count`)).json.unread).toBe(0);
  });

  it("never shows or touches someone else's notification", async () => {
    const theirs = (await member.request('GET', base())).json.items[0].id as string;
    expect((await viewer.request('GET', base())).json.items.map((n: any) => n.id)).not.toContain(theirs);
    const res = await viewer.request('POST', `${base()}/${theirs}/read`);
    expect(res.status).toBe(404);
    const other = await outsider.request('GET', base());
    expect(other.status).toBe(404);
  });
});
