import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { auditLog } from '../../platform/tables';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { comments, notifications } from '../tables';

let app: TestApp;
let database: Database;
let owner: Client;
let admin: Client;
let member: Client;
let other: Client;
let viewer: Client;
let ws: string;
let goalId: string;

const base = () => `/api/v1/workspaces/${ws}`;
const mention = (c: Client, name: string) => `@[${name}](user:${c.userId})`;
const notes = (userId: string, kind: string) =>
  database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Comment Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  admin = await addMember(app, owner, ws, 'admin', 'adam');
  member = await addMember(app, owner, ws, 'member', 'mia');
  other = await addMember(app, owner, ws, 'member', 'otto');
  viewer = await addMember(app, owner, ws, 'viewer', 'vera');
  goalId = (await owner.request('POST', `${base()}/goals`, { title: 'Cut lead time' })).json.id;
});

describe('comments', () => {
  it('adds a comment with rendered, sanitised markdown and lists it oldest first', async () => {
    const res = await member.request('POST', `${base()}/comments`, {
      entityType: 'goal', entityId: goalId, body: '**Plan** <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      entityType: 'goal', entityId: goalId, author: { id: member.userId, name: 'mia person' }, mentions: [],
      editedAt: null, deletedAt: null, canEdit: true, canDelete: true,
    });
    expect(res.json.bodyHtml).toContain('<strong>Plan</strong>');
    expect(res.json.bodyHtml).not.toContain('<script');
    expect(res.json.bodyHtml).not.toContain('href="javascript');
    const second = await other.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: goalId, body: 'Second' });
    const list = await member.request('GET', `${base()}/comments?entityType=goal&entityId=${goalId}`);
    expect(list.status).toBe(200);
    const ids = list.json.items.map((c: any) => c.id);
    expect(ids.indexOf(res.json.id)).toBeLessThan(ids.indexOf(second.json.id));
    const theirs = list.json.items.find((c: any) => c.id === second.json.id);
    expect(theirs).toMatchObject({ canEdit: false, canDelete: false });
    const asAdmin = await admin.request('GET', `${base()}/comments?entityType=goal&entityId=${goalId}`);
    expect(asAdmin.json.items.find((c: any) => c.id === second.json.id)).toMatchObject({ canEdit: false, canDelete: true });
  });

  it('pages with cursors', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Paged' })).json.id;
    for (let i = 0; i < 5; i++) await owner.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body: `n${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await viewer.request('GET', `${base()}/comments?entityType=goal&entityId=${g}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json.items.map((c: any) => c.body));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('validates input with field paths and checks the item', async () => {
    const empty = await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: goalId, body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0].path).toBe('body.body');
    const long = await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: goalId, body: 'x'.repeat(10_001) });
    expect(long.json.errors[0].path).toBe('body.body');
    const kind = await member.request('POST', `${base()}/comments`, { entityType: 'spaceship', entityId: goalId, body: 'x' });
    expect(kind.status).toBe(400);
    expect(kind.json.errors[0].path).toBe('body.entityType');
    const missing = await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: '00000000-0000-4000-8000-000000000000', body: 'x' });
    expect(missing.status).toBe(404);
    const listKind = await member.request('GET', `${base()}/comments?entityType=spaceship&entityId=${goalId}`);
    expect(listKind.json.errors[0].path).toBe('query.entityType');
  });

  it('lets only members comment, only the author edit, and the author or an admin delete', async () => {
    const denied = await viewer.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: goalId, body: 'hi' });
    expect(denied.status).toBe(403);
    const c = (await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: goalId, body: 'mine' })).json;
    expect((await other.request('PATCH', `${base()}/comments/${c.id}`, { body: 'hijack' })).status).toBe(403);
    expect((await admin.request('PATCH', `${base()}/comments/${c.id}`, { body: 'hijack' })).status).toBe(403);
    expect((await other.request('DELETE', `${base()}/comments/${c.id}`)).status).toBe(403);
    const edited = await member.request('PATCH', `${base()}/comments/${c.id}`, { body: 'mine, _edited_' });
    expect(edited.status).toBe(200);
    expect(edited.json.bodyHtml).toBe('<p>mine, <em>edited</em></p>');
    expect(edited.json.editedAt).not.toBeNull();
    expect((await admin.request('DELETE', `${base()}/comments/${c.id}`)).status).toBe(204);
    const [row] = await database.db.select().from(comments).where(eq(comments.id, c.id));
    expect(row).toMatchObject({ body: '', bodyHtml: '' });
    expect(row!.deletedAt).not.toBeNull();
    const list = await member.request('GET', `${base()}/comments?entityType=goal&entityId=${goalId}`);
    expect(list.json.items.find((x: any) => x.id === c.id)).toMatchObject({ body: '', bodyHtml: '', canEdit: false, canDelete: false });
    expect((await member.request('PATCH', `${base()}/comments/${c.id}`, { body: 'back' })).status).toBe(409);
    expect((await member.request('DELETE', `${base()}/comments/${c.id}`)).status).toBe(204);

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'comment'), eq(auditLog.entityId, c.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['comment.create', 'comment.delete', 'comment.update']);
    expect(audit.every((a) => (a.after as any).entityId === goalId && (a.after as any).entityType === 'goal')).toBe(true);
  });

  it('keeps other workspaces out: their items and comments are 404', async () => {
    const s2 = await owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Co' });
    const base2 = `/api/v1/workspaces/${s2.json.slug}`;
    const theirGoal = (await owner.request('POST', `${base2}/goals`, { title: 'Theirs' })).json.id;
    const theirComment = (await owner.request('POST', `${base2}/comments`, { entityType: 'goal', entityId: theirGoal, body: 'secret' })).json.id;
    expect((await owner.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: theirGoal, body: 'x' })).status).toBe(404);
    expect((await owner.request('GET', `${base()}/comments?entityType=goal&entityId=${theirGoal}`)).status).toBe(404);
    expect((await owner.request('PATCH', `${base()}/comments/${theirComment}`, { body: 'x' })).status).toBe(404);
    expect((await owner.request('DELETE', `${base()}/comments/${theirComment}`)).status).toBe(404);
    expect((await member.request('GET', `${base2}/comments?entityType=goal&entityId=${theirGoal}`)).status).toBe(404);
  });
});

describe('mentions', () => {
  it('notifies mentioned members, and watchers who were not mentioned', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Mention goal' })).json.id;
    await other.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g });
    await admin.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g });
    const res = await member.request('POST', `${base()}/comments`, {
      entityType: 'goal', entityId: g, body: `Hey ${mention(admin, 'Adam')} and ${mention(viewer, 'Vera')}, look`,
    });
    expect(res.status).toBe(201);
    expect(res.json.mentions).toEqual([{ userId: admin.userId, name: 'adam person' }, { userId: viewer.userId, name: 'vera person' }]);
    expect(res.json.bodyHtml).toContain(`<span class="mention" data-user-id="${admin.userId}">@Adam</span>`);

    for (const who of [admin, viewer]) {
      const rows = (await notes(who.userId, 'comment.mention')).filter((n) => n.entityId === g);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: 'mia person mentioned you on goal “Mention goal”', body: 'Hey @Adam and @Vera, look', actorUserId: member.userId });
    }
    // Otto watches and was not mentioned: a watch.comment; Adam was mentioned: no second notification.
    expect((await notes(other.userId, 'watch.comment')).filter((n) => n.entityId === g)).toHaveLength(1);
    expect((await notes(admin.userId, 'watch.comment')).filter((n) => n.entityId === g)).toHaveLength(0);
    expect((await notes(member.userId, 'watch.comment')).filter((n) => n.entityId === g)).toHaveLength(0);

    // An edit notifies only people it newly mentions.
    const edit = await member.request('PATCH', `${base()}/comments/${res.json.id}`, {
      body: `Hey ${mention(admin, 'Adam')} and ${mention(viewer, 'Vera')} and ${mention(other, 'Otto')}`,
    });
    expect(edit.status).toBe(200);
    expect((await notes(admin.userId, 'comment.mention')).filter((n) => n.entityId === g)).toHaveLength(1);
    expect((await notes(other.userId, 'comment.mention')).filter((n) => n.entityId === g)).toHaveLength(1);
  });

  it('previews the comment in the notification as plain text', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Preview goal' })).json.id;
    const body = `**40-minute sorter outage** on _line 3_, ${mention(viewer, 'Vera')}: see [the runbook](https://runbook.example/sorter).\n\n- ${'restart the sorter and check the belt tension '.repeat(4)}`;
    expect((await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body })).status).toBe(201);
    const [note] = (await notes(viewer.userId, 'comment.mention')).filter((n) => n.entityId === g);
    expect(note!.body).toMatch(/^40-minute sorter outage on line 3, @Vera: see the runbook\. restart the sorter /);
    expect(note!.body).not.toMatch(/[*_[\]]|user:|https:/);
    expect(note!.body.endsWith('…')).toBe(true);
    expect(note!.body.length).toBeLessThanOrEqual(140);
  });

  it('refuses a mention of a non-member without naming them, and saves nothing', async () => {
    const s2 = await owner.request('POST', '/api/v1/workspaces', { name: 'Stranger Co' });
    const stranger = await addMember(app, owner, s2.json.slug, 'member', 'stranger');
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Stranger goal' })).json.id;
    const res = await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body: `Hi ${mention(viewer, 'Vera')} and ${mention(stranger, 'Sam Stranger')}` });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'body.body', message: 'mentions someone who is not a member of this workspace' }]);
    expect(JSON.stringify(res.json)).not.toContain('stranger person');
    expect(await database.db.select().from(comments).where(eq(comments.entityId, g))).toHaveLength(0);
    expect(await notes(stranger.userId, 'comment.mention')).toHaveLength(0);
    expect((await notes(viewer.userId, 'comment.mention')).filter((n) => n.entityId === g)).toHaveLength(0);
    const c = (await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body: 'ok' })).json;
    const edit = await member.request('PATCH', `${base()}/comments/${c.id}`, { body: `now ${mention(stranger, 'Sam')}` });
    expect(edit.status).toBe(400);
    expect(edit.json.errors[0].path).toBe('body.body');
    const [row] = await database.db.select().from(comments).where(eq(comments.id, c.id));
    expect(row!.body).toBe('ok');
  });
});
