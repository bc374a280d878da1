import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../test/harness';

let app: TestApp;
let owner: Client;
let ws: string;

beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Strategy Co' });
  owner = s.owner;
  ws = s.workspace.slug;
});

const base = () => `/api/v1/workspaces/${ws}`;

describe('goals', () => {
  it('creates, reads, edits, archives and restores a goal, auditing each step', async () => {
    const created = await owner.request('POST', `${base()}/goals`, {
      title: '  Cut delivery lead time  ', weight: 80, status: 'active', startDate: '2026-01-01', endDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ title: 'Cut delivery lead time', weight: 80, status: 'active', description: '', linkCount: 0, archivedAt: null });
    const id = created.json.id;

    const edited = await owner.request('PATCH', `${base()}/goals/${id}`, { weight: 90, description: 'Door to door in 48 h' });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ weight: 90, description: 'Door to door in 48 h', title: 'Cut delivery lead time' });

    const archived = await owner.request('POST', `${base()}/goals/${id}/archive`);
    expect(archived.json.archivedAt).not.toBeNull();
    const list = await owner.request('GET', `${base()}/goals`);
    expect(list.json.items.map((g: any) => g.id)).not.toContain(id);
    const withArchived = await owner.request('GET', `${base()}/goals?includeArchived=true`);
    expect(withArchived.json.items.map((g: any) => g.id)).toContain(id);
    const restored = await owner.request('POST', `${base()}/goals/${id}/restore`);
    expect(restored.json.archivedAt).toBeNull();

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${id}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['goal.archive', 'goal.create', 'goal.restore', 'goal.update']);
    const update = audit.json.items.find((e: any) => e.action === 'goal.update');
    expect(update.before.weight).toBe(80);
    expect(update.after.weight).toBe(90);
    expect(update.actor.userId).toBe(owner.userId);
  });

  it('rejects bad input with field paths and changes nothing', async () => {
    const before = (await owner.request('GET', `${base()}/goals?limit=200`)).json.items.length;
    const bad = await owner.request('POST', `${base()}/goals`, { title: '', weight: 101, status: 'someday', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(bad.status).toBe(400);
    const paths = bad.json.errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.weight', 'body.status']));
    const dates = await owner.request('POST', `${base()}/goals`, { title: 'x', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(dates.status).toBe(400);
    expect(dates.json.errors[0].path).toBe('body.endDate');
    const stranger = await owner.request('POST', `${base()}/goals`, { title: 'x', ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(400);
    expect(stranger.json.errors[0]).toEqual({ path: 'body.ownerUserId', message: 'is not a member of this workspace' });
    const malformed = await app.inject({
      method: 'POST', url: `${base()}/goals`, headers: { cookie: owner.cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' }, payload: '{"title":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().title).toBe('Malformed JSON');
    expect((await owner.request('GET', `${base()}/goals?limit=200`)).json.items.length).toBe(before);
  });

  it('pages through a list with cursors without skipping or repeating', async () => {
    for (let n = 0; n < 7; n++) await owner.request('POST', `${base()}/goals`, { title: `Paged goal ${n}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await owner.request('GET', `${base()}/goals?q=Paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((g: any) => g.title));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe('Paged goal 6');
    const badCursor = await owner.request('GET', `${base()}/goals?cursor=nonsense`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.errors[0].path).toBe('query.cursor');
  });
});

describe('initiatives and links', () => {
  it('links an initiative to a goal, shows it from both sides, and refuses a second link', async () => {
    const goal = (await owner.request('POST', `${base()}/goals`, { title: 'Grow e-commerce revenue', status: 'active' })).json;
    const ini = await owner.request('POST', `${base()}/initiatives`, {
      title: 'New web shop', status: 'planned', capex: 120000.5, opex: 30000, effortDays: 240.5, startDate: '2026-02-01', endDate: '2026-09-30',
    });
    expect(ini.status).toBe(201);
    expect(ini.json).toMatchObject({ capex: 120000.5, opex: 30000, effortDays: 240.5, status: 'planned' });

    const link = await owner.request('POST', `${base()}/goal-links`, { goalId: goal.id, initiativeId: ini.json.id, strength: 'strong', rationale: 'Online orders' });
    expect(link.status).toBe(201);
    expect(link.json).toMatchObject({ goalTitle: 'Grow e-commerce revenue', initiativeTitle: 'New web shop', strength: 'strong' });
    const dup = await owner.request('POST', `${base()}/goal-links`, { goalId: goal.id, initiativeId: ini.json.id, strength: 'weak' });
    expect(dup.status).toBe(409);

    const listed = await owner.request('GET', `${base()}/goals?q=e-commerce`);
    expect(listed.json.items.map((x: any) => [x.title, x.linkCount])).toEqual([['Grow e-commerce revenue', 1]]);
    const listedIni = await owner.request('GET', `${base()}/initiatives?q=shop`);
    expect(listedIni.json.items[0].linkCount).toBe(1);
    const goalDetail = await owner.request('GET', `${base()}/goals/${goal.id}`);
    expect(goalDetail.json.links).toHaveLength(1);
    expect(goalDetail.json.linkCount).toBe(1);
    const iniDetail = await owner.request('GET', `${base()}/initiatives/${ini.json.id}`);
    expect(iniDetail.json.links[0].goalId).toBe(goal.id);

    const changed = await owner.request('PATCH', `${base()}/goal-links/${link.json.id}`, { strength: 'medium' });
    expect(changed.json.strength).toBe('medium');
    const removed = await owner.request('DELETE', `${base()}/goal-links/${link.json.id}`);
    expect(removed.status).toBe(204);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}`)).json.links).toHaveLength(0);
  });

  it('refuses negative money and unknown statuses', async () => {
    const res = await owner.request('POST', `${base()}/initiatives`, { title: 'x', capex: -1, status: 'started' });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path).sort()).toEqual(['body.capex', 'body.status']);
  });

  it('filters initiatives by business unit', async () => {
    const unit = await owner.request('POST', `${base()}/business-units`, { name: 'Warehousing' });
    expect(unit.status).toBe(201);
    await owner.request('POST', `${base()}/initiatives`, { title: 'Scanner refresh', businessUnitId: unit.json.id });
    const res = await owner.request('GET', `${base()}/initiatives?businessUnitId=${unit.json.id}`);
    expect(res.json.items.map((i: any) => i.title)).toEqual(['Scanner refresh']);
  });
});

describe('workspace boundaries and roles', () => {
  it('hides another workspace’s items (404) and refuses viewers’ writes (403)', async () => {
    const goal = (await owner.request('POST', `${base()}/goals`, { title: 'Private goal' })).json;
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
    expect(other.status).toBe(201);
    const otherGoal = await owner.request('GET', `/api/v1/workspaces/${other.json.slug}/goals/${goal.id}`);
    expect(otherGoal.status).toBe(404);
    const otherIni = (await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/initiatives`, { title: 'Elsewhere' })).json;
    const crossLink = await owner.request('POST', `${base()}/goal-links`, { goalId: goal.id, initiativeId: otherIni.id, strength: 'weak' });
    expect(crossLink.status).toBe(400);
    expect(crossLink.json.errors[0].path).toBe('body.initiativeId');

    const viewer = await addMember(app, owner, ws, 'viewer');
    expect((await viewer.request('GET', `${base()}/goals/${goal.id}`)).status).toBe(200);
    expect((await viewer.request('PATCH', `${base()}/goals/${goal.id}`, { title: 'Mine now' })).status).toBe(403);
    const outsider = await addMember(app, owner, other.json.slug, 'member');
    expect((await outsider.request('GET', `${base()}/goals/${goal.id}`)).status).toBe(404);
    expect((await app.inject({ url: `${base()}/goals` })).statusCode).toBe(401);
  });
});

describe('archived items', () => {
  it('refuse edits and a second archive; a no-op edit writes no audit entry', async () => {
    const goal = (await owner.request('POST', `${base()}/goals`, { title: 'Steady goal', weight: 10 })).json;
    const same = await owner.request('PATCH', `${base()}/goals/${goal.id}`, { weight: 10, title: 'Steady goal' });
    expect(same.status).toBe(200);
    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${goal.id}`);
    expect(audit.json.items.map((e: any) => e.action)).toEqual(['goal.create']);
    expect((await owner.request('POST', `${base()}/goals/${goal.id}/archive`)).status).toBe(200);
    expect((await owner.request('POST', `${base()}/goals/${goal.id}/archive`)).status).toBe(409);
    const edit = await owner.request('PATCH', `${base()}/goals/${goal.id}`, { weight: 20 });
    expect(edit.status).toBe(409);
    expect(edit.json.detail).toBe('This goal is archived; restore it to make changes.');
    expect((await owner.request('POST', `${base()}/goals/${goal.id}/restore`)).status).toBe(200);
    expect((await owner.request('POST', `${base()}/goals/${goal.id}/restore`)).status).toBe(409);
  });

  it('refuse a date PostgreSQL cannot store with a 400, not a 500', async () => {
    const res = await owner.request('POST', `${base()}/goals`, { title: 'Ancient', startDate: '0000-01-01' });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('body.startDate');
  });

  it('pages the goal links', async () => {
    const res = await owner.request('GET', `${base()}/goal-links?limit=1`);
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeLessThanOrEqual(1);
    expect((await owner.request('GET', `${base()}/goal-links?cursor=zzz`)).status).toBe(400);
  });
});
