import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let viewer: Client;
let ws: string;
const base = () => `/api/v1/workspaces/${ws}`;
const graph = (query = '', who: Client = owner) => who.request('GET', `${base()}/alignment/graph${query}`);

/** Ids of what the test builds, by name. */
const id: Record<string, string> = {};

async function create(path: string, body: unknown, name: string) {
  const res = await owner.request('POST', `${base()}/${path}`, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  id[name] = res.json.id;
  return res.json;
}

beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Graph Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  viewer = await addMember(app, owner, ws, 'viewer');

  // A small strategy, built through the API:
  // Growth (theme) ← Grow revenue (active, 80, Sales) ← Win new markets (active, 40, child, no theme)
  // Efficiency (theme) ← Cut costs (active, 60; only a proposal serves it: unsupported); Someday (draft)
  // CRM (in progress, Sales) → Grow revenue strong, Win new markets weak; Web shop (planned) → Win new markets medium
  // Data centre exit (planned, unlinked: orphan); Idea (proposed) → Cut costs
  await create('business-units', { name: 'Sales' }, 'sales');
  await create('themes', { name: 'Growth', color: '#2f9e44' }, 'growth');
  await create('themes', { name: 'Efficiency', color: '#e8590c' }, 'efficiency');
  await create('goals', { title: 'Grow revenue', status: 'active', weight: 80, themeId: id.growth, businessUnitId: id.sales }, 'grow');
  await create('goals', { title: 'Win new markets', status: 'active', weight: 40, parentGoalId: id.grow }, 'markets');
  await create('goals', { title: 'Cut costs', status: 'active', weight: 60, themeId: id.efficiency }, 'cut');
  await create('goals', { title: 'Someday', status: 'draft', themeId: id.growth }, 'someday');
  await create('initiatives', { title: 'CRM', status: 'in_progress', businessUnitId: id.sales, capex: 1000 }, 'crm');
  await create('initiatives', { title: 'Web shop', status: 'planned' }, 'shop');
  await create('initiatives', { title: 'Data centre exit', status: 'planned', opex: 500 }, 'dc');
  await create('initiatives', { title: 'Idea', status: 'proposed' }, 'idea');
  for (const [g, i, strength] of [['grow', 'crm', 'strong'], ['markets', 'crm', 'weak'], ['markets', 'shop', 'medium'], ['cut', 'idea', 'strong']]) {
    await create('goal-links', { goalId: id[g!], initiativeId: id[i!], strength }, `${g}-${i}`);
  }
  // Grow revenue is half way: 10 → 20, now 15.
  await create(`goals/${id.grow}/key-results`, { title: 'Revenue', baseline: 10, target: 20, current: 15 }, 'kr');
}, 60_000);

const nodeIds = (json: any, kind: string) => json.nodes.filter((n: any) => n.kind === kind).map((n: any) => n.id);
const node = (json: any, name: string) => json.nodes.find((n: any) => n.id === id[name]);

describe('GET alignment/graph', () => {
  it('shows active goals and portfolio initiatives with their edges, flags and values', async () => {
    const res = await graph('', viewer);
    expect(res.status).toBe(200);
    const g = res.json;
    expect(nodeIds(g, 'theme')).toEqual([id.growth, id.efficiency]);
    expect(nodeIds(g, 'goal')).toEqual([id.grow, id.cut, id.markets]);
    expect(nodeIds(g, 'initiative')).toEqual([id.crm, id.shop, id.dc]);
    expect(node(g, 'growth')).toMatchObject({ kind: 'theme', title: 'Growth', color: '#2f9e44', status: null });
    expect(node(g, 'grow')).toMatchObject({ title: 'Grow revenue', status: 'active', weight: 80, progress: 0.5, themeId: id.growth, businessUnitId: id.sales });
    expect(node(g, 'markets')).toMatchObject({ themeId: id.growth, color: '#2f9e44', progress: null, flags: { orphan: false, unsupported: false } });
    expect(node(g, 'cut').flags).toEqual({ orphan: false, unsupported: true });
    expect(node(g, 'dc').flags).toEqual({ orphan: true, unsupported: false });
    // Active weight 80 + 40 + 60 = 180; CRM: 100 × (80·3 + 40·1) / (3·180) = 51.85…
    expect(node(g, 'crm').strategicValue).toBeCloseTo(51.852, 2);
    expect(node(g, 'dc').strategicValue).toBe(0);

    const edges = g.edges.map((e: any) => [e.kind, e.source, e.target, e.strength]);
    expect(edges).toEqual(expect.arrayContaining([
      ['theme-goal', id.growth, id.grow, null],
      ['theme-goal', id.efficiency, id.cut, null],
      ['parent-child', id.grow, id.markets, null],
      ['goal-initiative', id.grow, id.crm, 'strong'],
      ['goal-initiative', id.markets, id.crm, 'weak'],
      ['goal-initiative', id.markets, id.shop, 'medium'],
    ]));
    expect(edges).toHaveLength(6);
    expect(g).toMatchObject({
      truncated: false, hint: null, maxNodes: 400,
      totals: { themes: 2, goals: 3, initiatives: 3, edges: 6, orphans: 1, unsupported: 1 },
    });
    expect(g.themes.map((t: any) => t.name)).toEqual(['Growth', 'Efficiency']);
  });

  it('adds inactive items on request, keeping the flags of the whole workspace', async () => {
    const g = (await graph('?includeInactive=true')).json;
    expect(nodeIds(g, 'goal')).toContain(id.someday);
    expect(nodeIds(g, 'initiative')).toContain(id.idea);
    expect(node(g, 'idea')).toMatchObject({ inactive: true, strategicValue: null, flags: { orphan: false } });
    // The proposal does not support Cut costs, even when shown beside it.
    expect(node(g, 'cut').flags.unsupported).toBe(true);
    expect(g.edges.some((e: any) => e.source === id.cut && e.target === id.idea)).toBe(true);
  });

  it('filters by theme, business unit and goal; flags stay workspace-wide', async () => {
    const byTheme = (await graph(`?themeId=${id.growth}`)).json;
    expect(nodeIds(byTheme, 'theme')).toEqual([id.growth]);
    expect(nodeIds(byTheme, 'goal')).toEqual([id.grow, id.markets]);
    expect(nodeIds(byTheme, 'initiative')).toEqual([id.crm, id.shop]);

    const byUnit = (await graph(`?businessUnitId=${id.sales}`)).json;
    // Sales' goal and initiative, and what CRM serves besides.
    expect(nodeIds(byUnit, 'goal')).toEqual([id.grow, id.markets]);
    expect(nodeIds(byUnit, 'initiative')).toEqual([id.crm]);

    const byGoal = (await graph(`?goalId=${id.markets}`)).json;
    expect(nodeIds(byGoal, 'goal')).toEqual([id.grow, id.markets]);
    expect(nodeIds(byGoal, 'initiative')).toEqual([id.crm, id.shop]);

    const cut = (await graph(`?goalId=${id.cut}`)).json;
    expect(nodeIds(cut, 'goal')).toEqual([id.cut]);
    expect(node(cut, 'cut').flags.unsupported).toBe(true);
  });

  it('cuts a graph larger than maxNodes and says so', async () => {
    const g = (await graph('?maxNodes=10&includeInactive=true')).json;
    // 2 themes + 4 goals + 4 initiatives = 10 fit exactly; one more goal does not.
    expect(g.truncated).toBe(false);
    await create('goals', { title: 'Light goal', status: 'active', weight: 1 }, 'light');
    const cut = (await graph('?maxNodes=10&includeInactive=true')).json;
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(10);
    expect(cut.totals).toMatchObject({ themes: 2, goals: 5, initiatives: 4 });
    expect(cut.hint).toMatch(/Showing 10 of 11 items.*Filter by theme, business unit or goal/);
    // The lightest goal gives way, unless it is the one asked for.
    expect(nodeIds(cut, 'goal')).not.toContain(id.light);
    expect(nodeIds((await graph(`?maxNodes=10&goalId=${id.light}`)).json, 'goal')).toEqual([id.light]);
  });

  it('refuses bad filters with field paths', async () => {
    const bad = await graph('?themeId=nope&includeInactive=maybe&maxNodes=5');
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['query.includeInactive', 'query.maxNodes', 'query.themeId']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [param, message] of [
      ['themeId', 'is not a live theme of this workspace'],
      ['goalId', 'is not a live goal of this workspace'],
      ['businessUnitId', 'is not a business unit of this workspace'],
    ]) {
      const res = await graph(`?${param}=${unknown}`);
      expect(res.status).toBe(400);
      expect(res.json.errors).toEqual([{ path: `query.${param}`, message }]);
    }
  });

  it("does not show another workspace's graph or take its ids", async () => {
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
    const otherBase = `/api/v1/workspaces/${other.json.slug}`;
    const otherTheme = await owner.request('POST', `${otherBase}/themes`, { name: 'Elsewhere' });
    const otherGoal = await owner.request('POST', `${otherBase}/goals`, { title: 'Their goal', status: 'active' });
    // The viewer is no member of the other workspace: 404, never its contents.
    const outsider = await viewer.request('GET', `${otherBase}/alignment/graph`);
    expect(outsider.status).toBe(404);
    // Its ids in this workspace's filters are unknown here.
    expect((await graph(`?themeId=${otherTheme.json.id}`)).json.errors[0].path).toBe('query.themeId');
    expect((await graph(`?goalId=${otherGoal.json.id}`)).json.errors[0].path).toBe('query.goalId');
    // And its items never show up here.
    const mine = (await graph('?includeInactive=true')).json;
    expect(mine.nodes.map((n: any) => n.id)).not.toContain(otherGoal.json.id);
    expect(mine.themes.map((t: any) => t.id)).not.toContain(otherTheme.json.id);
  });

  it('leaves archived goals and initiatives out; a goal under an archived parent still serves the parent’s theme', async () => {
    await create('goals', { title: 'Old programme goal', status: 'active', weight: 50, themeId: id.efficiency }, 'oldParent');
    await create('goals', { title: 'Lean warehouses', status: 'active', weight: 30, parentGoalId: id.oldParent }, 'lean');
    await create('initiatives', { title: 'Old pilot', status: 'planned' }, 'oldPilot');
    await create('goal-links', { goalId: id.lean, initiativeId: id.oldPilot, strength: 'strong' }, 'lean-oldPilot');
    await create('goal-links', { goalId: id.grow, initiativeId: id.oldPilot, strength: 'weak' }, 'grow-oldPilot');
    expect((await owner.request('POST', `${base()}/goals/${id.oldParent}/archive`)).status).toBe(200);
    expect((await owner.request('POST', `${base()}/initiatives/${id.oldPilot}/archive`)).status).toBe(200);

    const g = (await graph('?includeInactive=true')).json;
    const all = g.nodes.map((n: any) => n.id);
    expect(all).not.toContain(id.oldParent);
    expect(all).not.toContain(id.oldPilot);
    expect(g.edges.filter((e: any) => e.target === id.oldPilot || e.source === id.oldParent)).toEqual([]);
    expect(node(g, 'lean')).toMatchObject({ themeId: id.efficiency, color: '#e8590c', flags: { orphan: false, unsupported: true } });
    expect(nodeIds((await graph(`?themeId=${id.efficiency}`)).json, 'goal')).toContain(id.lean);
    const archivedFocus = await graph(`?goalId=${id.oldParent}`);
    expect(archivedFocus.status).toBe(400);
    expect(archivedFocus.json.errors[0].path).toBe('query.goalId');
  });
});
