import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { utcDate } from '../../../domain/collaboration/actions';
import type { Database } from '../../platform/db/client';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { notifications } from '../tables';

let app: TestApp;
let database: Database;
let owner: Client;
let ada: Client;
let viewer: Client;
let ws: string;

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Actions Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  ada = await addMember(app, owner, ws, 'member', 'Ada');
  viewer = await addMember(app, owner, ws, 'viewer');
});

const base = () => `/api/v1/workspaces/${ws}/action-items`;
const ids = (res: { json: any }) => res.json.items.map((i: any) => i.title);

async function notificationsOf(userId: string, itemId: string) {
  return database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.entityId, itemId)));
}

describe('action items', () => {
  it('creates, reads, edits, completes, reopens, archives and restores, auditing each step', async () => {
    const goal = await owner.request('POST', `/api/v1/workspaces/${ws}/goals`, { title: 'Faster deliveries' });
    const created = await owner.request('POST', base(), {
      title: '  Draft the SLA review  ', description: 'With the service desk', ownerUserId: ada.userId, dueDate: '2026-02-28',
      sourceType: 'goal', sourceId: goal.json.id,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: 'Draft the SLA review', status: 'open', ownerUserId: ada.userId, ownerName: 'Ada person', dueDate: '2026-02-28',
      source: { type: 'goal', id: goal.json.id, title: 'Faster deliveries', path: `/goals/${goal.json.id}` },
      createdByUserId: owner.userId, completedAt: null, archivedAt: null,
    });
    const id = created.json.id;
    expect((await viewer.request('GET', `${base()}/${id}`)).json.title).toBe('Draft the SLA review');

    const done = await ada.request('PATCH', `${base()}/${id}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.json.completedAt).not.toBeNull();
    const reopened = await ada.request('PATCH', `${base()}/${id}`, { status: 'in_progress', dueDate: null });
    expect(reopened.json).toMatchObject({ status: 'in_progress', completedAt: null, dueDate: null });
    const unsourced = await ada.request('PATCH', `${base()}/${id}`, { sourceType: null, sourceId: null });
    expect(unsourced.json.source).toBeNull();

    const archived = await owner.request('POST', `${base()}/${id}/archive`);
    expect(archived.json.archivedAt).not.toBeNull();
    expect(ids(await owner.request('GET', base()))).not.toContain('Draft the SLA review');
    expect(ids(await owner.request('GET', `${base()}?includeArchived=true`))).toContain('Draft the SLA review');
    expect((await owner.request('PATCH', `${base()}/${id}`, { title: 'x' })).status).toBe(409);
    expect((await owner.request('POST', `${base()}/${id}/archive`)).status).toBe(409);
    expect((await owner.request('POST', `${base()}/${id}/restore`)).json.archivedAt).toBeNull();

    const audit = await owner.request('GET', `/api/v1/workspaces/${ws}/audit-log?entityId=${id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual([
      'action_item.archive', 'action_item.create', 'action_item.restore', 'action_item.update', 'action_item.update', 'action_item.update',
    ]);
  });

  it('rejects bad input with field paths and changes nothing', async () => {
    const count = async () => (await owner.request('GET', `${base()}?limit=200&includeArchived=true`)).json.items.length;
    const before = await count();
    const bad = await owner.request('POST', base(), { title: '', description: 'x'.repeat(5001), status: 'someday', dueDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.description', 'body.dueDate', 'body.status', 'body.title']);

    const stranger = await owner.request('POST', base(), { title: 'x', ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.json.errors).toEqual([{ path: 'body.ownerUserId', message: 'is not a member of this workspace' }]);

    const half = await owner.request('POST', base(), { title: 'x', sourceType: 'goal' });
    expect(half.json.errors.map((e: any) => e.path)).toEqual(['body.sourceId']);
    const kind = await owner.request('POST', base(), { title: 'x', sourceType: 'spaceship', sourceId: '00000000-0000-4000-8000-000000000000' });
    expect(kind.status).toBe(400);
    expect(kind.json.errors.map((e: any) => e.path)).toEqual(['body.sourceType']);
    const missing = await owner.request('POST', base(), { title: 'x', sourceType: 'goal', sourceId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: any) => e.path)).toEqual(['body.sourceId']);

    // Another workspace's goal is no source here, and its action items are not found.
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
    const otherBase = `/api/v1/workspaces/${other.json.slug}`;
    const foreignGoal = await owner.request('POST', `${otherBase}/goals`, { title: 'Elsewhere' });
    const foreign = await owner.request('POST', base(), { title: 'x', sourceType: 'goal', sourceId: foreignGoal.json.id });
    expect(foreign.json.errors.map((e: any) => e.path)).toEqual(['body.sourceId']);
    const foreignItem = await owner.request('POST', `${otherBase}/action-items`, { title: 'Not yours' });
    expect((await owner.request('GET', `${base()}/${foreignItem.json.id}`)).status).toBe(404);
    expect((await owner.request('PATCH', `${base()}/${foreignItem.json.id}`, { title: 'Mine now' })).status).toBe(404);
    expect((await owner.request('POST', `${base()}/${foreignItem.json.id}/archive`)).status).toBe(404);
    expect((await ada.request('GET', `${otherBase}/action-items/${foreignItem.json.id}`)).status).toBe(404);

    expect((await owner.request('GET', `${base()}?cursor=nonsense`)).status).toBe(400);
    expect((await owner.request('GET', `${base()}?due=soonish`)).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('is described in the OpenAPI document, filters included', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    const list = doc.paths['/api/v1/workspaces/{ws}/action-items'];
    expect(list.get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['owner', 'status', 'due', 'sort', 'sourceType', 'q']));
    expect(Object.keys(doc.paths['/api/v1/workspaces/{ws}/action-items/{actionItemId}'])).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  it('lets viewers read but not write', async () => {
    const item = await owner.request('POST', base(), { title: 'Viewer fixture' });
    expect((await viewer.request('GET', base())).status).toBe(200);
    expect((await viewer.request('POST', base(), { title: 'Nope' })).status).toBe(403);
    expect((await viewer.request('PATCH', `${base()}/${item.json.id}`, { status: 'done' })).status).toBe(403);
    expect((await viewer.request('POST', `${base()}/${item.json.id}/archive`)).status).toBe(403);
  });

  it('tells a new owner, but not someone who assigns themselves', async () => {
    const mine = await ada.request('POST', base(), { title: 'Ada’s own', ownerUserId: ada.userId });
    expect(await notificationsOf(ada.userId, mine.json.id)).toHaveLength(0);

    const given = await owner.request('POST', base(), { title: 'Book the ride-along', ownerUserId: ada.userId });
    const [n, ...rest] = await notificationsOf(ada.userId, given.json.id);
    expect(rest).toHaveLength(0);
    expect(n).toMatchObject({
      kind: 'action.assigned', actorUserId: owner.userId, entityType: 'action_item', title: 'Olivia Owner assigned you “Book the ride-along”',
      link: `/actions?item=${given.json.id}`,
    });

    // Reassigning notifies the new owner; other edits and taking it oneself do not.
    const unowned = await ada.request('POST', base(), { title: 'Pass it on' });
    await ada.request('PATCH', `${base()}/${unowned.json.id}`, { ownerUserId: owner.userId });
    expect(await notificationsOf(owner.userId, unowned.json.id)).toHaveLength(1);
    await ada.request('PATCH', `${base()}/${unowned.json.id}`, { title: 'Pass it on, please' });
    await owner.request('PATCH', `${base()}/${unowned.json.id}`, { ownerUserId: owner.userId });
    expect(await notificationsOf(owner.userId, unowned.json.id)).toHaveLength(1);
    await ada.request('PATCH', `${base()}/${unowned.json.id}`, { ownerUserId: ada.userId });
    expect(await notificationsOf(ada.userId, unowned.json.id)).toHaveLength(0);
  });
});

describe('listing', () => {
  let space: string;
  const list = (query: string) => ada.request('GET', `/api/v1/workspaces/${space}/action-items?${query}`);

  beforeAll(async () => {
    const created = await owner.request('POST', '/api/v1/workspaces', { name: 'Filters Co' });
    space = created.json.slug;
    const inv = await owner.request('POST', `/api/v1/workspaces/${space}/invitations`, { role: 'member' });
    const token = String(inv.json.url).split('/').pop()!;
    await ada.request('POST', `/api/v1/invitations/${token}/accept`, {});
    const goal = await owner.request('POST', `/api/v1/workspaces/${space}/goals`, { title: 'Source goal' });
    // today = 2028-02-26: overdue ≤ 02-25, this week 02-26…03-03 (the leap day counts), later ≥ 03-04.
    const items = [
      { title: 'A overdue', dueDate: '2028-02-25', ownerUserId: ada.userId },
      { title: 'B today', dueDate: '2028-02-26', ownerUserId: ada.userId, sourceType: 'goal', sourceId: goal.json.id },
      { title: 'C week end', dueDate: '2028-03-03', ownerUserId: owner.userId, status: 'in_progress' },
      { title: 'D later', dueDate: '2028-03-04', ownerUserId: ada.userId, status: 'done' },
      { title: 'E no date', ownerUserId: null, status: 'cancelled' },
    ];
    for (const item of items) {
      const res = await owner.request('POST', `/api/v1/workspaces/${space}/action-items`, item);
      expect(res.status).toBe(201);
    }
  });

  it('filters by owner, me and nobody', async () => {
    expect(ids(await list('owner=me'))).toEqual(['D later', 'B today', 'A overdue']);
    expect(ids(await list(`owner=${owner.userId}`))).toEqual(['C week end']);
    expect(ids(await list('owner=none'))).toEqual(['E no date']);
    expect((await list('owner=nobody')).status).toBe(400);
  });

  it('filters by one or several statuses, source and text', async () => {
    expect(ids(await list('status=open'))).toEqual(['B today', 'A overdue']);
    expect(ids(await list('status=open,in_progress'))).toEqual(['C week end', 'B today', 'A overdue']);
    expect(ids(await list('status=done&status=cancelled'))).toEqual(['E no date', 'D later']);
    expect(ids(await list('sourceType=goal'))).toEqual(['B today']);
    expect(ids(await list('q=WEEK'))).toEqual(['C week end']);
  });

  it('buckets due dates from the given day', async () => {
    expect(ids(await list('due=overdue&today=2028-02-26'))).toEqual(['A overdue']);
    expect(ids(await list('due=this_week&today=2028-02-26'))).toEqual(['C week end', 'B today']);
    expect(ids(await list('due=later&today=2028-02-26'))).toEqual(['D later']);
    expect(ids(await list('due=none&today=2028-02-26'))).toEqual(['E no date']);
    // A day later B is overdue too and D falls into this week (02-27 + 6 = 03-04).
    expect(ids(await list('due=overdue&today=2028-02-27&sort=due'))).toEqual(['A overdue', 'B today']);
    expect(ids(await list('due=this_week&today=2028-02-27&sort=due'))).toEqual(['C week end', 'D later']);
    // Without `today`, the server's UTC date counts.
    const today = utcDate(new Date());
    const dated = { 'A overdue': '2028-02-25', 'B today': '2028-02-26', 'C week end': '2028-03-03', 'D later': '2028-03-04' };
    const overdue = Object.entries(dated).filter(([, d]) => d < today).map(([t]) => t).reverse();
    expect(ids(await list('due=overdue'))).toEqual(overdue);
  });

  it('sorts by due date with undated items last, and pages without gaps', async () => {
    expect(ids(await list('sort=due'))).toEqual(['A overdue', 'B today', 'C week end', 'D later', 'E no date']);
    for (const sort of ['due', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        cursor = res.json.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    }
  });
});
