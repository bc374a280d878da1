import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfYear, todayUtc } from '../../../domain/strategy/roadmap';
import type { Db } from '../../platform/db/client';
import { businessUnits, teams } from '../../platform/tables';
import { addMember, type Client, ORIGIN, setupOwner, testApp, type TestApp } from '../../test/harness';
import { customFields, goalLinks, goals, initiativeDependencies, initiatives, milestones, themes } from '../tables';

let app: TestApp;
let db: Db;
let owner: Client;
let admin: Client;
let member: Client;
let viewer: Client;
let ws: { id: string; slug: string };
let other: { id: string; slug: string };
const id: Record<string, string> = {};

const base = () => `/api/v1/workspaces/${ws.slug}`;
const Y = 'from=2026-01-01&to=2027-01-01';

/** Inserts one row and returns its id. */
async function insert(table: unknown, values: Record<string, unknown>): Promise<string> {
  const [row] = await (db.insert(table as Parameters<Db["insert"]>[0]).values(values as never).returning() as unknown as Promise<{ id: string }[]>);
  return row!.id;
}

beforeAll(async () => {
  let database;
  ({ app, database } = await testApp());
  db = database.db;
  const s = await setupOwner(app, { workspaceName: 'Roadmap Co' });
  owner = s.owner;
  ws = s.workspace;
  admin = await addMember(app, owner, ws.slug, 'admin');
  member = await addMember(app, owner, ws.slug, 'member');
  viewer = await addMember(app, owner, ws.slug, 'viewer');
  const o = await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' });
  other = o.json;

  const w = ws.id;
  id.growth = await insert(themes, { workspaceId: w, name: 'Growth', color: '#2b8a3e', position: 0 });
  id.cost = await insert(themes, { workspaceId: w, name: 'Cost', color: '#d9480f', position: 1 });
  id.old = await insert(themes, { workspaceId: w, name: 'Old', position: 2, archivedAt: new Date() });
  id.ops = await insert(businessUnits, { workspaceId: w, name: 'Operations' });
  id.sales = await insert(businessUnits, { workspaceId: w, name: 'Sales', archivedAt: new Date() });
  id.closed = await insert(businessUnits, { workspaceId: w, name: 'Closed', archivedAt: new Date() });
  id.platform = await insert(teams, { workspaceId: w, name: 'Platform' });
  id.apps = await insert(teams, { workspaceId: w, name: 'Apps' });
  id.wave = await insert(customFields, { workspaceId: w, entityType: 'initiative', label: 'Wave', type: 'single_choice', options: ['Wave 1', 'Wave 2'] });
  id.note = await insert(customFields, { workspaceId: w, entityType: 'initiative', label: 'Note', type: 'text' });
  id.otherUnit = await insert(businessUnits, { workspaceId: other.id, name: 'Elsewhere' });
  id.otherField = await insert(customFields, { workspaceId: other.id, entityType: 'initiative', label: 'Wave', type: 'single_choice', options: ['X'] });

  id.g1 = await insert(goals, { workspaceId: w, title: 'Grow revenue', status: 'active', weight: 80, themeId: id.growth });
  id.g2 = await insert(goals, { workspaceId: w, title: 'Cut cost', status: 'active', weight: 20, themeId: id.cost });
  id.g3 = await insert(goals, { workspaceId: w, title: 'Draft cost goal', status: 'draft', weight: 100, themeId: id.cost });
  id.g4 = await insert(goals, { workspaceId: w, title: 'Old theme goal', status: 'active', weight: 100, themeId: id.old });

  const ini = (title: string, v: Record<string, unknown>) => insert(initiatives, { workspaceId: w, title, ...v });
  id.a = await ini('Route optimiser', {
    startDate: '2026-02-01', endDate: '2026-06-30', status: 'planned', businessUnitId: id.ops, teamId: id.platform, kind: 'programme', riskLevel: 'high',
    customFields: { [id.wave]: 'Wave 1' },
  });
  id.b = await ini('Fleet telematics, phase "2"', {
    startDate: '2025-10-01', endDate: '2026-03-31', status: 'in_progress', businessUnitId: id.sales, teamId: id.apps, customFields: { [id.wave]: 'Wave 9' },
  });
  id.c = await ini('Warehouse scanners', { startDate: '2026-07-01', endDate: '2026-12-31', status: 'done', businessUnitId: id.ops });
  id.d = await ini('Old ERP', { startDate: '2024-01-01', endDate: '2025-12-31', status: 'planned' });
  id.e = await ini('Next-year platform', { startDate: '2027-01-01', endDate: '2027-06-30', status: 'planned' });
  id.f = await ini('Edge of the year', { startDate: '2025-06-01', endDate: '2026-01-01', status: 'proposed', customFields: { [id.wave]: ['Wave 1'] } });
  id.g = await ini('Archived one', { startDate: '2026-03-01', endDate: '2026-04-01', archivedAt: new Date() });
  id.h = await ini('Data strategy', {});
  id.i = await ini('Half-dated', { startDate: '2026-05-01' });
  id.x = await insert(initiatives, { workspaceId: other.id, title: 'Other workspace initiative', startDate: '2026-01-01', endDate: '2026-12-31' });

  const link = (goalId: string, initiativeId: string, strength: string) => insert(goalLinks, { workspaceId: w, goalId, initiativeId, strength });
  await link(id.g1, id.a, 'medium');
  await link(id.g2, id.a, 'strong'); // strongest → Cost
  await link(id.g1, id.b, 'medium');
  await link(id.g2, id.b, 'medium'); // tie → heavier goal → Growth
  await link(id.g3, id.c, 'strong'); // a draft goal
  await link(id.g4, id.c, 'strong'); // an archived theme → no theme

  id.m1 = await insert(milestones, { workspaceId: w, initiativeId: id.a, title: 'Pilot', dueDate: '2026-04-01' });
  id.m2 = await insert(milestones, { workspaceId: w, initiativeId: id.a, title: 'Go-live', dueDate: '2026-06-30', doneOn: '2026-06-29' });
  id.m3 = await insert(milestones, { workspaceId: w, initiativeId: id.b, title: 'Kick-off', dueDate: '2025-10-01' });
  id.dep1 = await insert(initiativeDependencies, { workspaceId: w, initiativeId: id.a, dependsOnId: id.b });
  id.dep2 = await insert(initiativeDependencies, { workspaceId: w, initiativeId: id.c, dependsOnId: id.d });
});

const get = async (client: Client, query: string) => client.request('GET', `${base()}/roadmap?${query}`);
const titles = (res: { json: any }) => res.json.initiatives.map((i: any) => i.title);

describe('roadmap data', () => {
  it('shows the dated live initiatives overlapping [from, to), by start date', async () => {
    const res = await get(viewer, Y);
    expect(res.status).toBe(200);
    expect(res.json.window).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    // F ends on the first day: in. E starts on `to`: out. D ended before. Archived, undated and other workspaces' ones: out.
    expect(titles(res)).toEqual(['Edge of the year', 'Fleet telematics, phase "2"', 'Route optimiser', 'Warehouse scanners']);
    expect(res.json.total).toBe(4);
    expect(res.json.initiatives[2]).toEqual({
      id: id.a, title: 'Route optimiser', status: 'planned', kind: 'programme', riskLevel: 'high', startDate: '2026-02-01', endDate: '2026-06-30',
      laneId: id.cost, businessUnitId: id.ops, teamId: id.platform,
    });
    expect(res.json.undated).toEqual({
      count: 2,
      items: [{ id: id.h, title: 'Data strategy', status: 'proposed' }, { id: id.i, title: 'Half-dated', status: 'proposed' }],
    });
    expect(res.json.laneFields).toEqual([{ id: id.wave, label: 'Wave' }]);
  });

  it('defaults to the current year', async () => {
    const res = await get(viewer, '');
    const from = startOfYear(todayUtc());
    expect(res.json.window).toEqual({ from, to: `${Number(from.slice(0, 4)) + 1}-01-01` });
    expect(res.json.lane).toBe('theme');
  });

  it('puts each initiative in the theme of its strongest link to an active goal', async () => {
    const res = await get(viewer, `${Y}&lane=theme`);
    expect(res.json.lanes).toEqual([
      { id: id.growth, name: 'Growth', color: '#2b8a3e', archived: false },
      { id: id.cost, name: 'Cost', color: '#d9480f', archived: false },
      { id: null, name: 'No theme', color: null, archived: false },
    ]);
    const lane = Object.fromEntries(res.json.initiatives.map((i: any) => [i.title, i.laneId]));
    expect(lane).toEqual({ 'Route optimiser': id.cost, 'Fleet telematics, phase "2"': id.growth, 'Warehouse scanners': null, 'Edge of the year': null });
  });

  it('puts an initiative serving a goal without a theme in the theme of its nearest ancestor with one (lane and filter)', async () => {
    const w = ws.id;
    // Growth ← archived parent ← sub-goal (no theme) ← sub-sub-goal (no theme), served by one initiative.
    const parent = await insert(goals, { workspaceId: w, title: 'Archived parent', status: 'active', weight: 50, themeId: id.growth, archivedAt: new Date() });
    const child = await insert(goals, { workspaceId: w, title: 'Sub-goal', status: 'draft', weight: 50, parentGoalId: parent });
    const grandchild = await insert(goals, { workspaceId: w, title: 'Sub-sub-goal', status: 'active', weight: 10, parentGoalId: child });
    const inherited = await insert(initiatives, { workspaceId: w, title: 'Inherited theme', startDate: '2030-02-01', endDate: '2030-03-31', status: 'planned' });
    await insert(goalLinks, { workspaceId: w, goalId: grandchild, initiativeId: inherited, strength: 'strong' });
    const later = 'from=2030-01-01&to=2031-01-01';

    const lanes = await get(viewer, `${later}&lane=theme`);
    expect(lanes.json.initiatives.map((i: any) => [i.id, i.laneId])).toEqual([[inherited, id.growth]]);
    expect(titles(await get(viewer, `${later}&themeId=${id.growth}`))).toEqual(['Inherited theme']);
    expect(titles(await get(viewer, `${later}&themeId=${id.cost}&lane=team`))).toEqual([]);
  });

  it('lanes by business unit, team and a single-choice field', async () => {
    const units = await get(viewer, `${Y}&lane=businessUnit`);
    // The archived unit B still sits in is shown (marked); the unused archived one is not.
    expect(units.json.lanes).toEqual([
      { id: id.ops, name: 'Operations', color: null, archived: false },
      { id: id.sales, name: 'Sales', color: null, archived: true },
      { id: null, name: 'No business unit', color: null, archived: false },
    ]);
    expect(units.json.initiatives.map((i: any) => i.laneId)).toEqual([null, id.sales, id.ops, id.ops]);

    const byTeam = await get(viewer, `${Y}&lane=team`);
    expect(byTeam.json.lanes.map((l: any) => l.name)).toEqual(['Apps', 'Platform', 'No team']);
    expect(byTeam.json.initiatives.map((i: any) => i.laneId)).toEqual([null, id.apps, id.platform, null]);

    const byWave = await get(viewer, `${Y}&lane=field:${id.wave}`);
    expect(byWave.json.lane).toBe(`field:${id.wave}`);
    expect(byWave.json.lanes).toEqual([
      { id: 'Wave 1', name: 'Wave 1', color: null, archived: false },
      { id: 'Wave 2', name: 'Wave 2', color: null, archived: false },
      { id: 'Wave 9', name: 'Wave 9', color: null, archived: true }, // a value no longer among the options
      { id: null, name: 'No value', color: null, archived: false },
    ]);
    // F holds a list, not a single choice: no value.
    expect(byWave.json.initiatives.map((i: any) => i.laneId)).toEqual([null, 'Wave 9', 'Wave 1', null]);
  });

  it('refuses a lane that is no single-choice initiative field of the workspace', async () => {
    for (const lane of [`field:${id.note}`, `field:${id.otherField}`, 'field:00000000-0000-4000-8000-000000000000', 'field:nope', 'owner']) {
      const res = await get(viewer, `${Y}&lane=${lane}`);
      expect(res.status, lane).toBe(400);
      expect(res.json.errors[0].path, lane).toBe('query.lane');
    }
  });

  it('gives the milestones inside the window and the dependencies among the initiatives shown', async () => {
    const res = await get(viewer, Y);
    expect(res.json.milestones).toEqual([
      { id: id.m1, initiativeId: id.a, title: 'Pilot', dueDate: '2026-04-01', doneOn: null },
      { id: id.m2, initiativeId: id.a, title: 'Go-live', dueDate: '2026-06-30', doneOn: '2026-06-29' },
    ]);
    // C → D is left out: D is not on this roadmap.
    expect(res.json.dependencies).toEqual([{ id: id.dep1, initiativeId: id.a, dependsOnId: id.b }]);
    const wide = await get(viewer, 'from=2024-01-01&to=2027-01-01');
    expect(wide.json.dependencies).toHaveLength(2);
    expect(wide.json.milestones.map((m: any) => m.title)).toEqual(['Kick-off', 'Pilot', 'Go-live']);
  });

  it('filters by status, business unit, team, theme and title', async () => {
    expect(titles(await get(viewer, `${Y}&status=planned,done`))).toEqual(['Route optimiser', 'Warehouse scanners']);
    expect(titles(await get(viewer, `${Y}&businessUnitId=${id.ops}`))).toEqual(['Route optimiser', 'Warehouse scanners']);
    expect(titles(await get(viewer, `${Y}&teamId=${id.platform}`))).toEqual(['Route optimiser']);
    // Linked to an active goal of the theme: A and B serve Cost (C only through a draft goal).
    expect(titles(await get(viewer, `${Y}&themeId=${id.cost}`))).toEqual(['Fleet telematics, phase "2"', 'Route optimiser']);
    expect(titles(await get(viewer, `${Y}&q=FLEET`))).toEqual(['Fleet telematics, phase "2"']);
    const undated = await get(viewer, `${Y}&q=data`);
    expect(undated.json.initiatives).toEqual([]);
    expect(undated.json.undated.count).toBe(1);
    // Another workspace's unit matches nothing.
    expect(titles(await get(viewer, `${Y}&businessUnitId=${id.otherUnit}`))).toEqual([]);
  });

  it('caps the bars and keeps only the dependencies among those shown', async () => {
    const res = await get(viewer, `${Y}&limit=2`);
    expect(titles(res)).toEqual(['Edge of the year', 'Fleet telematics, phase "2"']);
    expect(res.json.total).toBe(4);
    expect(res.json.dependencies).toEqual([]);
    expect(res.json.milestones).toEqual([]);
  });

  it('refuses bad windows and filters with field paths', async () => {
    const cases: [string, string][] = [
      ['from=2026-05-01&to=2026-04-01', 'query.to'],
      ['from=2026-05-01&to=2026-05-01', 'query.to'],
      ['from=2026-01-01&to=2031-01-02', 'query.to'],
      ['from=2026-13-01', 'query.from'],
      ['status=planned,someday', 'query.status'],
      ['limit=0', 'query.limit'],
      ['teamId=nope', 'query.teamId'],
    ];
    for (const [query, path] of cases) {
      const res = await get(viewer, query);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type'], query).toContain('application/problem+json');
      expect(res.json.errors.map((e: any) => e.path).some((p: string) => p.startsWith(path)), `${query}: ${JSON.stringify(res.json.errors)}`).toBe(true);
    }
    expect((await get(viewer, 'from=2026-01-01&to=2031-01-01')).status).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/workspaces/{ws}/roadmap'].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'lane', 'status', 'businessUnitId', 'themeId', 'teamId', 'q', 'limit']),
    );
    expect(Object.keys(doc.paths['/api/v1/workspaces/{ws}/roadmap/shares'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/public/roadmaps/{token}'].get).toBeDefined();
  });

  it('is another workspace’s business: 404 for non-members', async () => {
    const res = await owner.request('GET', `/api/v1/workspaces/${other.slug}/roadmap`);
    expect(res.status).toBe(200);
    expect(res.json.initiatives.map((i: any) => i.id)).toEqual([id.x]);
    expect((await viewer.request('GET', `/api/v1/workspaces/${other.slug}/roadmap`)).status).toBe(404);
  });
});

describe('CSV export', () => {
  it('writes every matching initiative with quoting, names and milestones', async () => {
    const formula = await owner.request('POST', `${base()}/initiatives`, { title: '=HYPERLINK("http://x")', startDate: '2026-09-01', endDate: '2026-09-30' });
    expect(formula.status).toBe(201);
    try {
      const res = await app.inject({ method: 'GET', url: `${base()}/roadmap.csv?${Y}&lane=businessUnit`, headers: { cookie: viewer.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="roadmap-${ws.slug}-2026-01-01-to-2027-01-01.csv"`);
      const lines = res.body.split('\r\n');
      expect(lines[0]).toBe('\uFEFFTitle,Status,Kind,Lane,Business unit,Team,Start,End,Risk,Milestones');
      expect(lines).toContain('Edge of the year,proposed,project,No business unit,,,2025-06-01,2026-01-01,low,');
      expect(lines).toContain('"Fleet telematics, phase ""2""",in_progress,project,Sales,Sales,Apps,2025-10-01,2026-03-31,low,');
      expect(lines).toContain(
        'Route optimiser,planned,programme,Operations,Operations,Platform,2026-02-01,2026-06-30,high,"Pilot (2026-04-01); Go-live (2026-06-30, done 2026-06-29)"',
      );
      expect(lines).toContain(`"'=HYPERLINK(""http://x"")",proposed,project,No business unit,,,2026-09-01,2026-09-30,low,`);
      expect(lines).toHaveLength(1 + 5 + 1); // header, five rows, the empty string after the last CRLF
      expect(lines.at(-1)).toBe('');

      const filtered = await app.inject({ method: 'GET', url: `${base()}/roadmap.csv?${Y}&status=done`, headers: { cookie: viewer.cookie } });
      expect(filtered.body.split('\r\n').filter(Boolean)).toHaveLength(2);
      const bad = await app.inject({ method: 'GET', url: `${base()}/roadmap.csv?from=2026-02-01&to=2026-01-01`, headers: { cookie: viewer.cookie } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('query.to');
    } finally {
      await owner.request('POST', `${base()}/initiatives/${formula.json.id}/archive`);
    }
  });
});

describe('share links', () => {
  const publicGet = (token: string, query = '') =>
    app.inject({ method: 'GET', url: `/api/v1/public/roadmaps/${token}${query}`, headers: { origin: 'https://elsewhere.example' } });

  it('creates a link, shows the saved view to anyone with it, and stops working once revoked', async () => {
    const created = await admin.request('POST', `${base()}/roadmap/shares`, {
      name: 'Board view', view: { lane: 'businessUnit', zoom: 'quarters', filters: { businessUnitId: id.ops } },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Board view', view: { lane: 'businessUnit', zoom: 'quarters', filters: { businessUnitId: id.ops } }, createdByUserId: admin.userId,
      lastViewedAt: null, revokedAt: null,
    });
    const url = String(created.json.url);
    expect(url).toMatch(new RegExp(`^${ORIGIN}/share/roadmap/[A-Za-z0-9_-]{43}$`));
    const token = url.split('/').pop()!;

    const list = await admin.request('GET', `${base()}/roadmap/shares`);
    expect(list.json.items.map((s: any) => s.id)).toEqual([created.json.id]);
    expect(JSON.stringify(list.json)).not.toContain(token);
    expect(list.json.items[0].url).toBeUndefined();

    const pub = await publicGet(token, `?${Y}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toBe('private, no-store');
    const body = pub.json();
    expect(body).toMatchObject({ workspaceName: 'Roadmap Co', shareName: 'Board view', lane: 'businessUnit', window: { from: '2026-01-01', to: '2027-01-01' } });
    expect(body.initiatives.map((i: any) => i.title)).toEqual(['Route optimiser', 'Warehouse scanners']);
    expect(body.milestones).toHaveLength(2);
    // No people: no names, no e-mails, no user ids.
    const text = pub.body;
    for (const c of [owner, admin, member, viewer]) {
      expect(text).not.toContain(c.email);
      expect(text).not.toContain(c.userId);
    }
    expect(text).not.toContain('person');
    expect(text).not.toContain('Olivia');

    // Without from/to: the saved zoom's window around today.
    const around = await publicGet(token);
    expect(around.statusCode).toBe(200);
    expect(around.json().window.from).toBe(startOfYear(todayUtc()));
    expect((await publicGet(token, '?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);

    const viewed = await admin.request('GET', `${base()}/roadmap/shares`);
    expect(viewed.json.items[0].lastViewedAt).not.toBeNull();

    const revoked = await admin.request('POST', `${base()}/roadmap/shares/${created.json.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    const gone = await publicGet(token);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await admin.request('POST', `${base()}/roadmap/shares/${created.json.id}/revoke`)).status).toBe(409);
    expect((await admin.request('GET', `${base()}/roadmap/shares`)).json.items).toEqual([]);

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${created.json.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['roadmap_share.create', 'roadmap_share.revoke']);
    expect(JSON.stringify(audit.json)).not.toContain(token);
  });

  it('names only the lanes its bars fall in and the one its filter names, never the workspace’s other themes or teams', async () => {
    const share = async (view: object) => {
      const created = await admin.request('POST', `${base()}/roadmap/shares`, { name: 'Narrow view', view });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const body = (await publicGet(String(created.json.url).split('/').pop()!, `?${Y}`)).json();
      expect((await admin.request('POST', `${base()}/roadmap/shares/${created.json.id}/revoke`)).status).toBe(200);
      return body;
    };
    // The platform team's only bar serves Cost: Growth is not named.
    const byTheme = await share({ lane: 'theme', filters: { teamId: id.platform } });
    expect(byTheme.initiatives.map((i: any) => i.title)).toEqual(['Route optimiser']);
    expect(byTheme.lanes).toEqual([{ id: id.cost, name: 'Cost', color: '#d9480f', archived: false }]);
    expect(JSON.stringify(byTheme)).not.toContain('Growth');
    // No bar at all: only the lane the filter names.
    const empty = await share({ lane: 'team', filters: { teamId: id.platform, status: ['cancelled'] } });
    expect(empty.initiatives).toEqual([]);
    expect(empty.lanes).toEqual([{ id: id.platform, name: 'Platform', color: null, archived: false }]);
    expect(JSON.stringify(empty)).not.toContain('Apps');
    // The workspace's own roadmap still lists every live lane.
    expect((await get(viewer, `${Y}&lane=team&teamId=${id.platform}`)).json.lanes.map((l: any) => l.name)).toEqual(['Apps', 'Platform']);
  });

  it('answers 404 for a made-up link', async () => {
    expect((await publicGet('not-a-real-secret')).statusCode).toBe(404);
  });

  it('shows a field lane, and theme lanes once the field is gone', async () => {
    const created = await admin.request('POST', `${base()}/roadmap/shares`, { name: 'Waves', view: { lane: `field:${id.wave}`, zoom: 'months' } });
    expect(created.status).toBe(201);
    expect(created.json.view).toEqual({ lane: `field:${id.wave}`, zoom: 'months', filters: {} });
    const token = String(created.json.url).split('/').pop()!;
    const before = await publicGet(token, `?${Y}`);
    expect(before.json().lanes.map((l: any) => l.name)).toContain('Wave 1');
    expect(before.json().laneFields).toEqual([]);
    await db.update(customFields).set({ archivedAt: new Date() }).where(eq(customFields.id, id.wave!));
    try {
      const after = await publicGet(token, `?${Y}`);
      expect(after.statusCode).toBe(200);
      expect(after.json().lane).toBe('theme');
    } finally {
      await db.update(customFields).set({ archivedAt: null }).where(eq(customFields.id, id.wave!));
    }
  });

  it('refuses views naming what is not the workspace’s, and leaves nothing behind', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', view: {} }, 'body.name'],
      [{ name: 'x', view: { zoom: 'days' } }, 'body.view.zoom'],
      [{ name: 'x', view: { lane: 'owner' } }, 'body.view.lane'],
      [{ name: 'x', view: { lane: `field:${id.otherField}` } }, 'body.view.lane'],
      [{ name: 'x', view: { filters: { businessUnitId: id.otherUnit } } }, 'body.view.filters.businessUnitId'],
      [{ name: 'x', view: { filters: { themeId: id.ops } } }, 'body.view.filters.themeId'],
      [{ name: 'x', view: { filters: { teamId: id.growth } } }, 'body.view.filters.teamId'],
      [{ name: 'x', view: { filters: { status: ['someday'] } } }, 'body.view.filters.status'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.request('POST', `${base()}/roadmap/shares`, body);
      expect(res.status, path).toBe(400);
      expect(res.json.errors.map((e: any) => e.path).some((p: string) => p.startsWith(path)), `${path}: ${JSON.stringify(res.json.errors)}`).toBe(true);
    }
    const list = await admin.request('GET', `${base()}/roadmap/shares`);
    expect(list.json.items.map((s: any) => s.name)).toEqual(['Waves']);
  });

  it('lets viewers read the roadmap but only admins share it; other workspaces’ links are not found', async () => {
    expect((await get(viewer, Y)).status).toBe(200);
    for (const c of [viewer, member]) {
      expect((await c.request('GET', `${base()}/roadmap/shares`)).status).toBe(403);
      expect((await c.request('POST', `${base()}/roadmap/shares`, { name: 'Mine' })).status).toBe(403);
    }
    const theirs = await owner.request('POST', `/api/v1/workspaces/${other.slug}/roadmap/shares`, { name: 'Theirs' });
    expect(theirs.status).toBe(201);
    expect((await owner.request('POST', `${base()}/roadmap/shares/${theirs.json.id}/revoke`)).status).toBe(404);
    // Still working: the wrong workspace changed nothing.
    const token = String(theirs.json.url).split('/').pop()!;
    expect((await publicGet(token)).statusCode).toBe(200);
    // An archived workspace shares nothing.
    expect((await owner.request('POST', `/api/v1/workspaces/${other.slug}/archive`)).status).toBe(200);
    expect((await publicGet(token)).statusCode).toBe(404);
  });
});
