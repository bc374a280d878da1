import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { systemAudit } from '../../platform/audit/record';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { createCheckIn } from './store';

let app: TestApp;
let database: Database;
let workspaceId: string;
let owner: Client;
let ws: string;

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'KR Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  workspaceId = s.workspace.id;
});

const base = () => `/api/v1/workspaces/${ws}`;
const newGoal = async (title = 'Deliver on time') => (await owner.request('POST', `${base()}/goals`, { title, status: 'active' })).json;

describe('key results', () => {
  it('adds key results to a goal and rolls their progress up to it', async () => {
    const goal = await newGoal();
    const a = await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, {
      title: 'On-time delivery rate', unit: '%', baseline: 80, target: 95, current: 86, weight: 3, ownerUserId: owner.userId,
    });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({
      goalId: goal.id, title: 'On-time delivery rate', unit: '%', direction: null, baseline: 80, target: 95, current: 86, weight: 3,
      position: 0, lastCheckInAt: null, archivedAt: null,
    });
    expect(a.json.progress).toBeCloseTo(0.4, 10);
    // current defaults to the baseline; weight to 1
    const b = await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Lead time', unit: 'days', baseline: 10, target: 6, direction: 'decrease' });
    expect(b.json).toMatchObject({ current: 10, weight: 1, position: 1, progress: 0 });

    const detail = (await owner.request('GET', `${base()}/goals/${goal.id}`)).json;
    expect(detail.keyResultCount).toBe(2);
    // (0.4 × 3 + 0 × 1) / 4 = 0.3
    expect(detail.progress).toBeCloseTo(0.3, 10);
    expect(detail.keyResults.map((k: any) => k.title)).toEqual(['On-time delivery rate', 'Lead time']);
    const listed = (await owner.request('GET', `${base()}/goals?q=Deliver on time`)).json.items[0];
    expect(listed.keyResultCount).toBe(2);
    expect(listed.progress).toBeCloseTo(0.3, 10);

    const krs = await owner.request('GET', `${base()}/goals/${goal.id}/key-results`);
    expect(krs.json.items).toHaveLength(2);
    expect(krs.json.nextCursor).toBeNull();

    // archived key results leave the progress
    await owner.request('POST', `${base()}/key-results/${b.json.id}/archive`);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}`)).json.progress).toBeCloseTo(0.4, 10);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}/key-results`)).json.items).toHaveLength(1);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}/key-results?includeArchived=true`)).json.items).toHaveLength(2);
    expect((await owner.request('PATCH', `${base()}/key-results/${b.json.id}`, { title: 'x' })).status).toBe(409);
    await owner.request('POST', `${base()}/key-results/${b.json.id}/restore`);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}`)).json.progress).toBeCloseTo(0.3, 10);
  });

  it('a goal without key results has no progress', async () => {
    const goal = await newGoal('Nothing measured yet');
    const detail = (await owner.request('GET', `${base()}/goals/${goal.id}`)).json;
    expect(detail).toMatchObject({ progress: null, keyResultCount: 0, keyResults: [] });
  });

  it('needs a direction when target equals baseline, and refuses one that contradicts them', async () => {
    const goal = await newGoal('Keep availability');
    const url = `${base()}/goals/${goal.id}/key-results`;
    const none = await owner.request('POST', url, { title: 'Availability', baseline: 99.9, target: 99.9 });
    expect(none.status).toBe(400);
    expect(none.json.errors).toEqual([{ path: 'body.direction', message: 'needed when target equals baseline' }]);
    const up = await owner.request('POST', url, { title: 'Cost', baseline: 10, target: 5, direction: 'increase' });
    expect(up.status).toBe(400);
    expect(up.json.errors[0].path).toBe('body.direction');
    const down = await owner.request('POST', url, { title: 'Sales', baseline: 5, target: 10, direction: 'decrease' });
    expect(down.json.errors[0].path).toBe('body.direction');
    const zero = await owner.request('POST', url, { title: 'Weightless', baseline: 0, target: 1, weight: 0 });
    expect(zero.status).toBe(400);
    expect(zero.json.errors[0]).toEqual({ path: 'body.weight', message: 'must be at least 1' });
    const bad = await owner.request('POST', url, { title: '', baseline: 'a', weight: 101, confidence: 3 });
    expect(bad.json.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['body.title', 'body.baseline', 'body.target', 'body.weight']));
    const stranger = await owner.request('POST', url, { title: 'x', baseline: 0, target: 1, ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.json.errors[0].path).toBe('body.ownerUserId');
    expect((await owner.request('GET', url)).json.items).toHaveLength(0);

    const kept = await owner.request('POST', url, { title: 'Availability', unit: '%', baseline: 99.9, target: 99.9, direction: 'increase', current: 99.95 });
    expect(kept.status).toBe(201);
    expect(kept.json.progress).toBe(1);
  });

  it('checks a PATCH against the stored values, and changes nothing on error', async () => {
    const goal = await newGoal('Patch rules');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Throughput', baseline: 100, target: 200 })).json;
    const url = `${base()}/key-results/${kr.id}`;
    const equal = await owner.request('PATCH', url, { target: 100 });
    expect(equal.status).toBe(400);
    expect(equal.json.errors).toEqual([{ path: 'body.direction', message: 'needed when target equals baseline' }]);
    const contradicts = await owner.request('PATCH', url, { direction: 'decrease' });
    expect(contradicts.status).toBe(400);
    expect(contradicts.json.errors[0].path).toBe('body.direction');
    const unsetAtEqual = await owner.request('PATCH', url, { target: 100, direction: 'increase' });
    expect(unsetAtEqual.status).toBe(200);
    const unset = await owner.request('PATCH', url, { direction: null });
    expect(unset.status).toBe(400);
    expect((await owner.request('GET', url)).json).toMatchObject({ baseline: 100, target: 100, direction: 'increase' });

    const ok = await owner.request('PATCH', url, { target: 50, direction: 'decrease', weight: 5, unit: 'parcels/h' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ target: 50, direction: 'decrease', weight: 5, unit: 'parcels/h', current: 100, progress: 0 });
    const current = await owner.request('PATCH', url, { current: 70 });
    expect(current.status).toBe(200);
    expect(current.json.current).toBe(100); // the current value changes through check-ins only
    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${kr.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['key_result.create', 'key_result.update', 'key_result.update']);
  });
});

describe('check-ins', () => {
  it('record the value with a comment, set the current value and progress, and keep history newest first', async () => {
    const goal = await newGoal('Faster deliveries');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Lead time', unit: 'days', baseline: 10, target: 6 })).json;
    const url = `${base()}/key-results/${kr.id}/check-ins`;
    const first = await owner.request('POST', url, { value: 9, comment: 'Route planning live in two hubs', confidence: 6 });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ keyResultId: kr.id, value: 9, comment: 'Route planning live in two hubs', confidence: 6, authorUserId: owner.userId });
    const second = await owner.request('POST', url, { value: 7 });
    expect(second.json).toMatchObject({ value: 7, comment: '', confidence: null });

    const got = (await owner.request('GET', `${base()}/key-results/${kr.id}`)).json;
    expect(got.current).toBe(7);
    expect(got.progress).toBeCloseTo(0.75, 10);
    expect(got.lastCheckInAt).toBe(second.json.checkedAt);
    expect((await owner.request('GET', `${base()}/goals/${goal.id}`)).json.progress).toBeCloseTo(0.75, 10);

    const history = await owner.request('GET', url);
    expect(history.json.items.map((c: any) => c.value)).toEqual([7, 9]);
    expect(history.json.nextCursor).toBeNull();

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${kr.id}`);
    const checkIns = audit.json.items.filter((e: any) => e.action === 'key_result.check_in');
    expect(checkIns).toHaveLength(2);
    expect(checkIns[0].before.current).toBe(9);
    expect(checkIns[0].after.current).toBe(7);
  });

  it('can be back-dated from code (the demo history); an older one leaves the current value', async () => {
    const goal = await newGoal('History');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Orders', baseline: 0, target: 100 })).json;
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    await database.db.transaction((tx) => createCheckIn(tx, systemAudit, workspaceId, kr.id, { value: 20, comment: 'January', confidence: 5 }, at('2026-01-31')));
    await database.db.transaction((tx) => createCheckIn(tx, systemAudit, workspaceId, kr.id, { value: 40, comment: 'February', confidence: 6 }, at('2026-02-28')));
    await database.db.transaction((tx) => createCheckIn(tx, systemAudit, workspaceId, kr.id, { value: 10, comment: 'Late entry', confidence: null }, at('2026-01-15')));
    const got = (await owner.request('GET', `${base()}/key-results/${kr.id}`)).json;
    expect(got).toMatchObject({ current: 40, lastCheckInAt: '2026-02-28T12:00:00.000Z' });
    const history = (await owner.request('GET', `${base()}/key-results/${kr.id}/check-ins`)).json.items;
    expect(history.map((c: any) => c.comment)).toEqual(['February', 'January', 'Late entry']);
  });

  it('are listed up to the latest 1,000, newest first', async () => {
    const goal = await newGoal('Long history');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Daily scans', baseline: 0, target: 2000 })).json;
    // 1,005 daily check-ins: day n has the value n.
    await database.pool.query(
      `insert into key_result_checkins (workspace_id, key_result_id, value, comment, checked_at)
       select $1, $2, n, 'day ' || n, timestamptz '2020-01-01 12:00Z' + n * interval '1 day' from generate_series(1, 1005) n`,
      [workspaceId, kr.id],
    );
    const res = await owner.request('GET', `${base()}/key-results/${kr.id}/check-ins`);
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1000);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items[0].value).toBe(1005);
    expect(res.json.items.at(-1).value).toBe(6);
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/workspaces/{ws}/key-results/{keyResultId}/check-ins'].get.summary).toMatch(/at most 1,000/);
  });

  it('refuse bad values and confidence, and check-ins on archived key results or goals', async () => {
    const goal = await newGoal('Check-in rules');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Parcels', baseline: 0, target: 100 })).json;
    const url = `${base()}/key-results/${kr.id}/check-ins`;
    const bad = await owner.request('POST', url, { value: 'lots', confidence: 11 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.confidence', 'body.value']);
    expect((await owner.request('POST', url, { value: 5, confidence: 0 })).json.errors[0].path).toBe('body.confidence');
    expect((await owner.request('GET', url)).json.items).toHaveLength(0);

    await owner.request('POST', `${base()}/key-results/${kr.id}/archive`);
    expect((await owner.request('POST', url, { value: 5 })).status).toBe(409);
    await owner.request('POST', `${base()}/key-results/${kr.id}/restore`);
    await owner.request('POST', `${base()}/goals/${goal.id}/archive`);
    const onArchivedGoal = await owner.request('POST', url, { value: 5 });
    expect(onArchivedGoal.status).toBe(409);
    expect(onArchivedGoal.json.detail).toBe('This goal is archived; restore it to make changes.');
    expect((await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'New', baseline: 0, target: 1 })).status).toBe(409);
    expect((await owner.request('GET', url)).json.items).toHaveLength(0);
    expect((await owner.request('GET', `${base()}/key-results/${kr.id}`)).json.current).toBe(0);
  });
});

describe('boundaries and roles', () => {
  it('hides another workspace’s goals and key results, and lets viewers read only', async () => {
    const goal = await newGoal('Guarded goal');
    const kr = (await owner.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'Guarded KR', baseline: 0, target: 10 })).json;
    const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other KR Co' })).json;
    const elsewhere = `/api/v1/workspaces/${other.slug}`;
    expect((await owner.request('GET', `${elsewhere}/goals/${goal.id}/key-results`)).status).toBe(404);
    expect((await owner.request('POST', `${elsewhere}/goals/${goal.id}/key-results`, { title: 'x', baseline: 0, target: 1 })).status).toBe(404);
    expect((await owner.request('GET', `${elsewhere}/key-results/${kr.id}`)).status).toBe(404);
    expect((await owner.request('PATCH', `${elsewhere}/key-results/${kr.id}`, { title: 'Stolen' })).status).toBe(404);
    expect((await owner.request('POST', `${elsewhere}/key-results/${kr.id}/check-ins`, { value: 3 })).status).toBe(404);
    expect((await owner.request('GET', `${elsewhere}/key-results/${kr.id}/check-ins`)).status).toBe(404);

    const viewer = await addMember(app, owner, ws, 'viewer');
    expect((await viewer.request('GET', `${base()}/goals/${goal.id}/key-results`)).status).toBe(200);
    expect((await viewer.request('GET', `${base()}/key-results/${kr.id}/check-ins`)).status).toBe(200);
    expect((await viewer.request('POST', `${base()}/goals/${goal.id}/key-results`, { title: 'x', baseline: 0, target: 1 })).status).toBe(403);
    expect((await viewer.request('POST', `${base()}/key-results/${kr.id}/check-ins`, { value: 3 })).status).toBe(403);
    expect((await viewer.request('PATCH', `${base()}/key-results/${kr.id}`, { title: 'Mine' })).status).toBe(403);
    const member = await addMember(app, owner, ws, 'member');
    expect((await member.request('POST', `${base()}/key-results/${kr.id}/check-ins`, { value: 3 })).status).toBe(201);
  });
});
