import { beforeAll, describe, expect, it } from 'vitest';
import { lockHolder } from '../test/concurrency';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../test/harness';

let app: TestApp;
let url: string;
let owner: Client;
let ws: string;
let wsId: string;

beforeAll(async () => {
  ({ app, url } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Tree Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  wsId = s.workspace.id;
});

const base = () => `/api/v1/workspaces/${ws}`;
const create = async (body: Record<string, unknown>) => {
  const res = await owner.request('POST', `${base()}/goals`, body);
  expect(res.status).toBe(201);
  return res.json;
};
const ids = (res: { json: any }) => res.json.items.map((g: any) => g.id);

describe('the goal tree', () => {
  it('places goals under a parent and a theme, and shows both sides', async () => {
    const theme = (await owner.request('POST', `${base()}/themes`, { name: 'Reliability', color: '#1971c2' })).json;
    const company = await create({ title: 'Most reliable carrier', themeId: theme.id });
    const unitGoal = await create({ title: 'On-time delivery at hubs', parentGoalId: company.id, themeId: theme.id });
    expect(unitGoal).toMatchObject({ parentGoalId: company.id, themeId: theme.id, childCount: 0, progress: null, keyResultCount: 0 });
    await owner.request('POST', `${base()}/goals/${unitGoal.id}/key-results`, { title: 'On time', baseline: 90, target: 100, current: 95 });

    const detail = (await owner.request('GET', `${base()}/goals/${company.id}`)).json;
    expect(detail.childCount).toBe(1);
    expect(detail.parent).toBeNull();
    expect(detail.children).toEqual([{ id: unitGoal.id, title: 'On-time delivery at hubs', status: 'draft', progress: 0.5, archivedAt: null }]);
    const child = (await owner.request('GET', `${base()}/goals/${unitGoal.id}`)).json;
    expect(child.parent).toMatchObject({ id: company.id, title: 'Most reliable carrier' });

    const roots = await owner.request('GET', `${base()}/goals?parentGoalId=none`);
    expect(ids(roots)).toContain(company.id);
    expect(ids(roots)).not.toContain(unitGoal.id);
    expect(ids(await owner.request('GET', `${base()}/goals?topLevel=true`))).toEqual(ids(roots));
    expect(ids(await owner.request('GET', `${base()}/goals?parentGoalId=${company.id}`))).toEqual([unitGoal.id]);
    const byTheme = await owner.request('GET', `${base()}/goals?themeId=${theme.id}`);
    expect(ids(byTheme).sort()).toEqual([company.id, unitGoal.id].sort());
    expect(byTheme.json.items.find((g: any) => g.id === company.id).childCount).toBe(1);

    // archived children leave the count
    await owner.request('POST', `${base()}/goals/${unitGoal.id}/archive`);
    expect((await owner.request('GET', `${base()}/goals/${company.id}`)).json).toMatchObject({ childCount: 0, children: [] });
    await owner.request('POST', `${base()}/goals/${unitGoal.id}/restore`);

    // moving to the top and off the theme
    const moved = await owner.request('PATCH', `${base()}/goals/${unitGoal.id}`, { parentGoalId: null, themeId: null });
    expect(moved.json).toMatchObject({ parentGoalId: null, themeId: null });
  });

  it('refuses the goal itself, a goal below it, an archived goal and another workspace’s goal as parent', async () => {
    const a = await create({ title: 'A' });
    const b = await create({ title: 'B', parentGoalId: a.id });
    const c = await create({ title: 'C', parentGoalId: b.id });
    const patch = (id: string, body: unknown) => owner.request('PATCH', `${base()}/goals/${id}`, body);

    const self = await patch(a.id, { parentGoalId: a.id });
    expect(self.status).toBe(400);
    expect(self.json.errors).toEqual([{ path: 'body.parentGoalId', message: 'cannot be the goal itself' }]);
    const cycle = await patch(a.id, { parentGoalId: c.id });
    expect(cycle.status).toBe(400);
    expect(cycle.json.errors[0].path).toBe('body.parentGoalId');
    expect(cycle.json.errors[0].message).toMatch(/below this goal/);
    expect((await patch(a.id, { parentGoalId: b.id })).status).toBe(400);
    expect((await owner.request('GET', `${base()}/goals/${a.id}`)).json.parentGoalId).toBeNull();

    const old = await create({ title: 'Old' });
    await owner.request('POST', `${base()}/goals/${old.id}/archive`);
    const archived = await owner.request('POST', `${base()}/goals`, { title: 'Under old', parentGoalId: old.id });
    expect(archived.status).toBe(400);
    expect(archived.json.errors[0].path).toBe('body.parentGoalId');
    expect(archived.json.errors[0].message).toMatch(/archived/);

    const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other Tree Co' })).json;
    const foreign = await owner.request('POST', `/api/v1/workspaces/${other.slug}/goals`, { title: 'Foreign', parentGoalId: a.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0]).toEqual({ path: 'body.parentGoalId', message: 'is not a goal of this workspace' });
    const unknown = await patch(a.id, { parentGoalId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json.errors[0].path).toBe('body.parentGoalId');

    // moving a subtree elsewhere is fine
    const d = await create({ title: 'D' });
    expect((await patch(b.id, { parentGoalId: d.id })).status).toBe(200);
    expect((await patch(a.id, { parentGoalId: c.id })).status).toBe(200);
  });

  it('keeps an archived parent or theme the goal already has, but refuses to pick them anew', async () => {
    const theme = (await owner.request('POST', `${base()}/themes`, { name: 'Fading theme' })).json;
    const parent = await create({ title: 'Fading parent' });
    const goal = await create({ title: 'Child of fading', parentGoalId: parent.id, themeId: theme.id });
    await owner.request('POST', `${base()}/goals/${parent.id}/archive`);
    await owner.request('POST', `${base()}/themes/${theme.id}/archive`);
    const edit = await owner.request('PATCH', `${base()}/goals/${goal.id}`, { title: 'Still here', parentGoalId: parent.id, themeId: theme.id });
    expect(edit.status).toBe(200);
    const other = await create({ title: 'Newcomer' });
    const pick = await owner.request('PATCH', `${base()}/goals/${other.id}`, { themeId: theme.id });
    expect(pick.status).toBe(400);
    expect(pick.json.errors[0].path).toBe('body.themeId');
  });

  it('moves X under Z while Y moves under X at the same moment: both succeed, no deadlock', async () => {
    const x = await create({ title: 'Concurrent X' });
    const y = await create({ title: 'Concurrent Y' });
    const z = await create({ title: 'Concurrent Z' });
    // Hold the tree so both moves queue up, Y's first: it then needs a key-share lock on X's row
    // for its new parent, which a move of X holding its row while waiting for the tree would block (deadlock).
    const holder = await lockHolder(url);
    try {
      await holder.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`tandem:goal-tree:${wsId}`]);
      const moveY = owner.request('PATCH', `${base()}/goals/${y.id}`, { parentGoalId: x.id });
      await holder.waiters(1);
      const moveX = owner.request('PATCH', `${base()}/goals/${x.id}`, { parentGoalId: z.id });
      await holder.waiters(2);
      await holder.release();
      const [ry, rx] = await Promise.all([moveY, moveX]);
      expect([ry.status, rx.status]).toEqual([200, 200]);
    } finally {
      await holder.end();
    }
    expect((await owner.request('GET', `${base()}/goals/${y.id}`)).json.parentGoalId).toBe(x.id);
    expect((await owner.request('GET', `${base()}/goals/${x.id}`)).json.parentGoalId).toBe(z.id);
  });

  it('validates the filters and lets viewers read the tree only', async () => {
    expect((await owner.request('GET', `${base()}/goals?parentGoalId=nope`)).json.errors[0].path).toBe('query.parentGoalId');
    expect((await owner.request('GET', `${base()}/goals?themeId=x`)).json.errors[0].path).toBe('query.themeId');
    const goal = await create({ title: 'Viewer test' });
    const viewer = await addMember(app, owner, ws, 'viewer');
    expect((await viewer.request('GET', `${base()}/goals?parentGoalId=none`)).status).toBe(200);
    expect((await viewer.request('PATCH', `${base()}/goals/${goal.id}`, { parentGoalId: null })).status).toBe(403);
  });
});
