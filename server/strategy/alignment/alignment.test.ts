import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let ws: string;
const ids: Record<string, string> = {};

const base = () => `/api/v1/workspaces/${ws}`;

async function post(path: string, body: unknown): Promise<any> {
  const res = await owner.request('POST', `${base()}${path}`, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/*
 * The small strategy of domain/strategy/alignment.test.ts, built through the API.
 * Active goals: G1 (60, Ops, Efficiency), G2 (30, Sales, Growth), G3 (10, Ops, no theme), G6 (20, no unit, Efficiency): Σw = 120.
 * G4 is a draft, G5 archived. Portfolio: I1 (150, 10 d, Ops), I2 (300, 20 d, Sales), I3 (0, Ops), I8 (50, 30 d, no unit),
 * I9 (200, 5 d, Sales): spend 700, effort 65. I4 proposed, I5 done, I6 cancelled, I7 archived.
 */
beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Alignment Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  ids.U1 = (await post('/business-units', { name: 'Operations' })).id;
  ids.U2 = (await post('/business-units', { name: 'Sales' })).id;
  ids.T1 = (await post('/themes', { name: 'Efficiency', color: '#2f9e44' })).id;
  ids.T2 = (await post('/themes', { name: 'Growth', color: '#1971c2' })).id;
  const goal = async (key: string, title: string, weight: number, status: string, unit: string | null, theme: string | null) => {
    ids[key] = (await post('/goals', { title, weight, status, businessUnitId: unit && ids[unit], themeId: theme && ids[theme] })).id;
  };
  await goal('G1', 'Cut delivery cost', 60, 'active', 'U1', 'T1');
  await goal('G2', 'Grow B2B revenue', 30, 'active', 'U2', 'T2');
  await goal('G3', 'Keep the lights on', 10, 'active', 'U1', null);
  await goal('G4', 'Paperless depots', 50, 'draft', 'U1', 'T1');
  await goal('G5', 'Win the tender of 2024', 40, 'active', 'U2', 'T2');
  await goal('G6', 'Carbon-neutral fleet', 20, 'active', null, 'T1');
  const ini = async (key: string, title: string, status: string, capex: number, opex: number, effortDays: number, unit: string | null) => {
    ids[key] = (await post('/initiatives', { title, status, capex, opex, effortDays, businessUnitId: unit && ids[unit] })).id;
  };
  await ini('I1', 'Route optimiser', 'planned', 100, 50, 10, 'U1');
  await ini('I2', 'Partner portal', 'in_progress', 300, 0, 20, 'U2');
  await ini('I3', 'CRM clean-up', 'on_hold', 0, 0, 0, 'U1');
  await ini('I4', 'Drone pilot', 'proposed', 1000, 0, 100, 'U1');
  await ini('I5', 'ERP upgrade', 'done', 500, 0, 50, 'U2');
  await ini('I6', 'Blockchain ledger', 'cancelled', 700, 0, 70, null);
  await ini('I7', 'Depot kiosks', 'planned', 900, 0, 90, 'U1');
  await ini('I8', 'Printer fleet', 'in_progress', 0, 50, 30, null);
  await ini('I9', 'Sales dashboard', 'planned', 150, 50, 5, 'U2');
  const links: [string, string, string][] = [
    ['G1', 'I1', 'strong'], ['G3', 'I1', 'weak'], ['G1', 'I2', 'medium'], ['G2', 'I2', 'strong'], ['G2', 'I3', 'weak'],
    ['G6', 'I4', 'strong'], ['G6', 'I5', 'strong'], ['G6', 'I6', 'strong'], ['G6', 'I7', 'medium'], ['G4', 'I9', 'strong'], ['G5', 'I9', 'strong'],
  ];
  for (const [g, i, strength] of links) await post('/goal-links', { goalId: ids[g], initiativeId: ids[i], strength });
  expect((await owner.request('POST', `${base()}/goals/${ids.G5}/archive`)).status).toBe(200);
  expect((await owner.request('POST', `${base()}/initiatives/${ids.I7}/archive`)).status).toBe(200);
});

describe('GET alignment/summary', () => {
  it('computes every figure of the hand-computed strategy', async () => {
    const res = await owner.request('GET', `${base()}/alignment/summary`);
    expect(res.status).toBe(200);
    const s = res.json;
    expect(s).toMatchObject({
      scope: { businessUnitId: null, themeId: null },
      portfolioCount: 5, alignedCount: 3, orphanCount: 2,
      portfolioSpend: 700, alignedSpend: 450, portfolioEffort: 65, alignedEffort: 30,
      activeGoalCount: 4, coveredGoalCount: 3, unsupportedGoalCount: 1, goalCoveragePct: 75, totalActiveWeight: 120,
    });
    expect(s.alignedSpendPct).toBeCloseTo(64.2857, 3);
    expect(s.alignedEffortPct).toBeCloseTo(46.1538, 3);

    expect(s.orphanInitiatives).toEqual({
      total: 2,
      items: [
        { id: ids.I9, title: 'Sales dashboard', status: 'planned', businessUnitId: ids.U2, businessUnitName: 'Sales', cost: 200, effortDays: 5 },
        { id: ids.I8, title: 'Printer fleet', status: 'in_progress', businessUnitId: null, businessUnitName: null, cost: 50, effortDays: 30 },
      ],
    });
    expect(s.unsupportedGoals).toEqual({
      total: 1,
      items: [{ id: ids.G6, title: 'Carbon-neutral fleet', weight: 20, businessUnitId: null, businessUnitName: null, themeId: ids.T1, themeName: 'Efficiency' }],
    });

    expect(s.strategicValue.total).toBe(5);
    expect(s.strategicValue.items.map((i: any) => i.title)).toEqual(['Partner portal', 'Route optimiser', 'CRM clean-up', 'Sales dashboard', 'Printer fleet']);
    const value = Object.fromEntries(s.strategicValue.items.map((i: any) => [i.title, i.value]));
    expect(value['Partner portal']).toBeCloseTo(58.3333, 3); // 100 × (60·2 + 30·3) / 3 / 120
    expect(value['Route optimiser']).toBeCloseTo(52.7778, 3); // 100 × (60·3 + 10·1) / 3 / 120
    expect(value['CRM clean-up']).toBeCloseTo(8.3333, 3); // 100 × 30·1 / 3 / 120
    expect(value['Sales dashboard']).toBe(0);
    expect(s.strategicValue.items[0]).toMatchObject({ businessUnitName: 'Sales', activeGoalCount: 2, cost: 300, status: 'in_progress' });

    expect(s.byBusinessUnit).toEqual([
      {
        businessUnitId: ids.U1, businessUnitName: 'Operations', portfolioCount: 2, alignedCount: 2, orphanCount: 0, portfolioSpend: 150,
        alignedSpend: 150, alignedSpendPct: 100, portfolioEffort: 10, alignedEffort: 10, alignedEffortPct: 100, activeGoalCount: 2,
        coveredGoalCount: 2, unsupportedGoalCount: 0, goalCoveragePct: 100,
      },
      {
        businessUnitId: ids.U2, businessUnitName: 'Sales', portfolioCount: 2, alignedCount: 1, orphanCount: 1, portfolioSpend: 500,
        alignedSpend: 300, alignedSpendPct: 60, portfolioEffort: 25, alignedEffort: 20, alignedEffortPct: 80, activeGoalCount: 1,
        coveredGoalCount: 1, unsupportedGoalCount: 0, goalCoveragePct: 100,
      },
      {
        businessUnitId: null, businessUnitName: null, portfolioCount: 1, alignedCount: 0, orphanCount: 1, portfolioSpend: 50,
        alignedSpend: 0, alignedSpendPct: 0, portfolioEffort: 30, alignedEffort: 0, alignedEffortPct: 0, activeGoalCount: 1,
        coveredGoalCount: 0, unsupportedGoalCount: 1, goalCoveragePct: 0,
      },
    ]);

    const [t1, t2, none] = s.byTheme;
    expect(s.byTheme).toHaveLength(3);
    expect(t1).toMatchObject({
      themeId: ids.T1, themeName: 'Efficiency', color: '#2f9e44', activeGoalCount: 2, coveredGoalCount: 1, unsupportedGoalCount: 1,
      goalCoveragePct: 50, initiativeCount: 2, spend: 450, effort: 30,
    });
    expect(t1.spendPct).toBeCloseTo(64.2857, 3);
    expect(t2).toMatchObject({ themeId: ids.T2, themeName: 'Growth', color: '#1971c2', activeGoalCount: 1, goalCoveragePct: 100, initiativeCount: 2, spend: 300 });
    expect(t2.spendPct).toBeCloseTo(42.8571, 3);
    expect(t2.effortPct).toBeCloseTo(30.7692, 3);
    expect(none).toMatchObject({ themeId: null, themeName: null, color: null, activeGoalCount: 1, initiativeCount: 1, spend: 150, effort: 10 });
  });

  it('filters by business unit, no unit and theme', async () => {
    const sales = (await owner.request('GET', `${base()}/alignment/summary?businessUnitId=${ids.U2}`)).json;
    expect(sales).toMatchObject({
      scope: { businessUnitId: ids.U2, themeId: null }, portfolioCount: 2, alignedCount: 1, alignedSpendPct: 60, alignedEffortPct: 80,
      goalCoveragePct: 100, orphanInitiatives: { total: 1, items: [{ title: 'Sales dashboard' }] }, unsupportedGoals: { total: 0, items: [] },
    });
    expect(sales.strategicValue.items.map((i: any) => i.title)).toEqual(['Partner portal', 'Sales dashboard']);
    // The breakdowns stay whole.
    expect(sales.byBusinessUnit).toHaveLength(3);

    const noUnit = (await owner.request('GET', `${base()}/alignment/summary?businessUnitId=none`)).json;
    expect(noUnit).toMatchObject({ portfolioCount: 1, alignedSpendPct: 0, goalCoveragePct: 0, unsupportedGoals: { total: 1 } });

    const efficiency = (await owner.request('GET', `${base()}/alignment/summary?themeId=${ids.T1}`)).json;
    expect(efficiency).toMatchObject({
      portfolioCount: 5, alignedCount: 2, alignedSpend: 450, activeGoalCount: 2, coveredGoalCount: 1, goalCoveragePct: 50,
      orphanInitiatives: { total: 0, items: [] }, unsupportedGoals: { total: 1, items: [{ title: 'Carbon-neutral fleet' }] },
    });
    expect(efficiency.strategicValue.items.map((i: any) => i.title)).toEqual(['Partner portal', 'Route optimiser']);

    const both = (await owner.request('GET', `${base()}/alignment/summary?businessUnitId=${ids.U1}&themeId=${ids.T1}`)).json;
    expect(both).toMatchObject({ portfolioCount: 2, alignedCount: 1, alignedSpendPct: 100, activeGoalCount: 1, goalCoveragePct: 100 });
  });

  it('caps the lists at limit and keeps the totals', async () => {
    const s = (await owner.request('GET', `${base()}/alignment/summary?limit=1`)).json;
    expect(s.orphanInitiatives).toMatchObject({ total: 2, items: [{ title: 'Sales dashboard' }] });
    expect(s.strategicValue).toMatchObject({ total: 5, items: [{ title: 'Partner portal' }] });
    expect(s.unsupportedGoals.items).toHaveLength(1);
  });

  it('follows changes: linking the orphan and supporting the unsupported goal', async () => {
    const link = await post('/goal-links', { goalId: ids.G6, initiativeId: ids.I8, strength: 'medium' });
    const s = (await owner.request('GET', `${base()}/alignment/summary`)).json;
    expect(s).toMatchObject({ alignedCount: 4, coveredGoalCount: 4, goalCoveragePct: 100, orphanInitiatives: { total: 1 }, unsupportedGoals: { total: 0 } });
    expect(s.alignedSpendPct).toBeCloseTo((100 * 500) / 700, 6);
    expect((await owner.request('DELETE', `${base()}/goal-links/${link.id}`)).status).toBe(204);
    expect((await owner.request('GET', `${base()}/alignment/summary`)).json.goalCoveragePct).toBe(75);
  });

  it('refuses bad filters with the field path', async () => {
    const res = await owner.request('GET', `${base()}/alignment/summary?businessUnitId=sales&limit=0`);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path).sort()).toEqual(['query.businessUnitId', 'query.limit']);
  });

  it('an empty workspace has null percentages', async () => {
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Empty Co' });
    const s = (await owner.request('GET', `/api/v1/workspaces/${other.json.slug}/alignment/summary`)).json;
    expect(s).toMatchObject({
      alignedSpendPct: null, alignedEffortPct: null, goalCoveragePct: null, portfolioCount: 0, activeGoalCount: 0,
      orphanInitiatives: { total: 0, items: [] }, strategicValue: { total: 0, items: [] }, byTheme: [],
    });
    // Units of the workspace are listed even when empty.
    await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/business-units`, { name: 'Finance' });
    const again = (await owner.request('GET', `/api/v1/workspaces/${other.json.slug}/alignment/summary`)).json;
    expect(again.byBusinessUnit).toEqual([expect.objectContaining({ businessUnitName: 'Finance', portfolioCount: 0, alignedSpendPct: null })]);
  });
});

describe('GET alignment/matrix', () => {
  it('shows goals × initiatives with their links, sorted, with totals', async () => {
    const res = await owner.request('GET', `${base()}/alignment/matrix`);
    expect(res.status).toBe(200);
    const m = res.json;
    // Archived G5 and I7 are left out; goals by weight, initiatives by link count then title.
    expect(m.goals.map((g: any) => g.title)).toEqual(['Cut delivery cost', 'Paperless depots', 'Grow B2B revenue', 'Carbon-neutral fleet', 'Keep the lights on']);
    expect(m.goalTotal).toBe(5);
    expect(m.initiatives.map((i: any) => i.title)).toEqual([
      'Partner portal', 'Route optimiser', 'Sales dashboard', 'Blockchain ledger', 'CRM clean-up', 'Drone pilot', 'ERP upgrade', 'Printer fleet',
    ]);
    expect(m.initiativeTotal).toBe(8);
    expect(m.initiatives[0]).toMatchObject({ status: 'in_progress', businessUnitId: ids.U2, cost: 300, effortDays: 20, linkCount: 2 });
    expect(m.goals[0]).toMatchObject({ weight: 60, status: 'active', businessUnitId: ids.U1, themeId: ids.T1, linkCount: 2 });
    // Links among the shown rows and columns: all but those of the archived G5 and I7.
    expect(m.links).toHaveLength(9);
    expect(m.links).toContainEqual(expect.objectContaining({ goalId: ids.G2, initiativeId: ids.I2, strength: 'strong', rationale: '' }));
    expect(m.themes.map((t: any) => t.name)).toEqual(['Efficiency', 'Growth']);
  });

  it('filters, sorts and pages', async () => {
    const q = async (query: string) => (await owner.request('GET', `${base()}/alignment/matrix?${query}`)).json;
    const sales = await q(`businessUnitId=${ids.U2}`);
    expect(sales.goals.map((g: any) => g.title)).toEqual(['Grow B2B revenue']);
    expect(sales.initiatives.map((i: any) => i.title)).toEqual(['Partner portal', 'Sales dashboard', 'ERP upgrade']);
    expect(sales.links).toEqual([expect.objectContaining({ goalId: ids.G2, initiativeId: ids.I2 })]);

    const growth = await q(`themeId=${ids.T2}&linkedOnly=true&initiativeStatus=portfolio`);
    expect(growth.goals.map((g: any) => g.title)).toEqual(['Grow B2B revenue']);
    expect(growth.initiatives.map((i: any) => i.title)).toEqual(['Partner portal', 'CRM clean-up']);

    const noTheme = await q('themeId=none&goalStatus=active');
    expect(noTheme.goals.map((g: any) => g.title)).toEqual(['Keep the lights on']);

    const search = await q('goalQ=fleet&initiativeQ=PORTAL');
    expect(search.goals.map((g: any) => g.title)).toEqual(['Carbon-neutral fleet']);
    expect(search.initiatives.map((i: any) => i.title)).toEqual(['Partner portal']);

    const byCost = await q('initiativeSort=cost&initiativeLimit=2&goalSort=title&goalLimit=2');
    expect(byCost.initiatives.map((i: any) => i.title)).toEqual(['Drone pilot', 'Blockchain ledger']);
    expect(byCost).toMatchObject({ initiativeTotal: 8, goalTotal: 5 });
    expect(byCost.goals.map((g: any) => g.title)).toEqual(['Carbon-neutral fleet', 'Cut delivery cost']);

    const next = await q('initiativeSort=cost&initiativeLimit=2&initiativeOffset=2');
    expect(next.initiatives.map((i: any) => i.title)).toEqual(['ERP upgrade', 'Partner portal']);
    const past = await q('initiativeOffset=50&goalOffset=50');
    expect(past).toMatchObject({ initiatives: [], initiativeTotal: 8, goals: [], goalTotal: 5, links: [] });
  });

  it('refuses more than 100 goals or 200 initiatives per response', async () => {
    const res = await owner.request('GET', `${base()}/alignment/matrix?goalLimit=101&initiativeLimit=201`);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path).sort()).toEqual(['query.goalLimit', 'query.initiativeLimit']);
  });
});

describe('access', () => {
  it('lets viewers read, hides the workspace from outsiders (404) and anonymous callers (401)', async () => {
    const viewer = await addMember(app, owner, ws, 'viewer');
    expect((await viewer.request('GET', `${base()}/alignment/summary`)).json.portfolioCount).toBe(5);
    expect((await viewer.request('GET', `${base()}/alignment/matrix`)).status).toBe(200);
    // Viewers edit nothing, through the link routes the matrix uses either.
    expect((await viewer.request('POST', `${base()}/goal-links`, { goalId: ids.G6, initiativeId: ids.I8, strength: 'weak' })).status).toBe(403);

    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Co' });
    const outsider = await addMember(app, owner, other.json.slug, 'owner');
    expect((await outsider.request('GET', `${base()}/alignment/summary`)).status).toBe(404);
    expect((await outsider.request('GET', `${base()}/alignment/matrix`)).status).toBe(404);
    expect((await app.inject({ url: `${base()}/alignment/summary` })).statusCode).toBe(401);
  });

  it('another workspace’s ids in the filters match nothing there', async () => {
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Filter Co' });
    const s = (await owner.request('GET', `/api/v1/workspaces/${other.json.slug}/alignment/summary?businessUnitId=${ids.U1}`)).json;
    expect(s).toMatchObject({ portfolioCount: 0, alignedSpendPct: null });
    const m = (await owner.request('GET', `/api/v1/workspaces/${other.json.slug}/alignment/matrix?themeId=${ids.T1}`)).json;
    expect(m).toMatchObject({ goals: [], goalTotal: 0 });
  });
});
