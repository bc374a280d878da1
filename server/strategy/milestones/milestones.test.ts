import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let member: Client;
let viewer: Client;
let base: string;
let otherBase: string;

beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Milestones Co' });
  owner = s.owner;
  base = `/api/v1/workspaces/${s.workspace.slug}`;
  member = await addMember(app, owner, s.workspace.slug, 'member');
  viewer = await addMember(app, owner, s.workspace.slug, 'viewer');
  otherBase = `/api/v1/workspaces/${(await owner.request('POST', '/api/v1/workspaces', { name: 'Other Milestones Co' })).json.slug}`;
});

const initiative = async (body: object = {}) =>
  (await member.request('POST', `${base}/initiatives`, { title: 'Warehouse system', startDate: '2026-01-01', endDate: '2026-06-30', ...body })).json;
const add = async (initiativeId: string, body: object) => {
  const res = await member.request('POST', `${base}/initiatives/${initiativeId}/milestones`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
};
const listed = async (initiativeId: string) => (await viewer.request('GET', `${base}/initiatives/${initiativeId}/milestones`)).json.items;
const auditOf = async (filter: string) => (await owner.request('GET', `${base}/audit-log?${filter}`)).json.items;

describe('milestones', () => {
  it('adds, lists by due date, edits, marks done and deletes milestones; each step audited', async () => {
    const i = await initiative();
    const golive = await add(i.id, { title: '  Go-live  ', dueDate: '2026-06-15', description: 'All hubs' });
    expect(golive).toMatchObject({ initiativeId: i.id, title: 'Go-live', description: 'All hubs', dueDate: '2026-06-15', doneOn: null });
    const pilot = await add(i.id, { title: 'Pilot hub', dueDate: '2026-03-01' });
    const res = await viewer.request('GET', `${base}/initiatives/${i.id}/milestones`);
    expect(res.json).toEqual({ items: [pilot, golive], nextCursor: null });
    const detail = (await viewer.request('GET', `${base}/initiatives/${i.id}`)).json;
    expect(detail.milestones.map((m: any) => m.title)).toEqual(['Pilot hub', 'Go-live']);
    expect(detail.milestoneCount).toBe(2);
    expect((await viewer.request('GET', `${base}/initiatives?q=Warehouse`)).json.items.find((x: any) => x.id === i.id).milestoneCount).toBe(2);

    const done = await member.request('PATCH', `${base}/milestones/${pilot.id}`, { doneOn: '2026-03-03', title: 'Pilot hub live' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ doneOn: '2026-03-03', title: 'Pilot hub live', dueDate: '2026-03-01' });
    const reopened = await member.request('PATCH', `${base}/milestones/${pilot.id}`, { doneOn: null });
    expect(reopened.json.doneOn).toBeNull();
    expect((await member.request('DELETE', `${base}/milestones/${golive.id}`)).status).toBe(204);
    expect((await listed(i.id)).map((m: any) => m.id)).toEqual([pilot.id]);
    expect((await member.request('DELETE', `${base}/milestones/${golive.id}`)).status).toBe(404);

    expect((await auditOf(`entityId=${pilot.id}`)).map((e: any) => e.action)).toEqual(['milestone.update', 'milestone.update', 'milestone.create']);
    const [deleted] = await auditOf(`entityId=${golive.id}&action=milestone.delete`);
    expect(deleted).toMatchObject({ entityType: 'milestone', before: { title: 'Go-live', dueDate: '2026-06-15' }, after: null });
  });

  it('keeps a due date within the initiative’s dates (both ends included); 400 on body.dueDate, nothing stored', async () => {
    const i = await initiative();
    await add(i.id, { title: 'First day', dueDate: '2026-01-01' });
    await add(i.id, { title: 'Last day', dueDate: '2026-06-30' });
    const early = await member.request('POST', `${base}/initiatives/${i.id}/milestones`, { title: 'Too early', dueDate: '2025-12-31' });
    expect(early.status).toBe(400);
    expect(early.json.errors).toEqual([{ path: 'body.dueDate', message: "must be on or after the initiative's start, 2026-01-01" }]);
    const late = await member.request('POST', `${base}/initiatives/${i.id}/milestones`, { title: 'Too late', dueDate: '2026-07-01' });
    expect(late.json.errors).toEqual([{ path: 'body.dueDate', message: "must be on or before the initiative's end, 2026-06-30" }]);
    const [first] = await listed(i.id);
    const moved = await member.request('PATCH', `${base}/milestones/${first.id}`, { dueDate: '2027-01-01' });
    expect(moved.status).toBe(400);
    expect(moved.json.errors[0].path).toBe('body.dueDate');
    expect((await listed(i.id)).map((m: any) => [m.title, m.dueDate])).toEqual([['First day', '2026-01-01'], ['Last day', '2026-06-30']]);
    // Without dates, any day will do; with only a start, any day from it.
    const open = await initiative({ startDate: null, endDate: null });
    await add(open.id, { title: 'Any day', dueDate: '2031-01-01' });
    const startOnly = await initiative({ startDate: '2026-05-01', endDate: null });
    await add(startOnly.id, { title: 'Later', dueDate: '2030-01-01' });
    expect((await member.request('POST', `${base}/initiatives/${startOnly.id}/milestones`, { title: 'x', dueDate: '2026-04-30' })).status).toBe(400);
  });

  it('refuses initiative dates that would leave a milestone outside, naming it (409, nothing changed)', async () => {
    const i = await initiative({ title: 'Billing platform' });
    await add(i.id, { title: 'Design done', dueDate: '2026-02-01' });
    await add(i.id, { title: 'Cut-over', dueDate: '2026-06-01' });
    const shrink = await member.request('PATCH', `${base}/initiatives/${i.id}`, { startDate: '2026-03-01', endDate: '2026-05-01', riskLevel: 'high' });
    expect(shrink.status).toBe(409);
    expect(shrink.json.detail).toBe(
      "'Billing platform' would leave milestone 'Design done' (due 2026-02-01) outside its dates; would leave milestone 'Cut-over' (due 2026-06-01) outside its dates. "
      + 'Move or delete those milestones first; nothing was changed.',
    );
    expect(shrink.json.errors).toEqual([
      { path: 'body.startDate', message: "would leave milestone 'Design done' (due 2026-02-01) outside its dates" },
      { path: 'body.endDate', message: "would leave milestone 'Cut-over' (due 2026-06-01) outside its dates" },
    ]);
    expect((await member.request('PATCH', `${base}/initiatives/${i.id}`, { endDate: '2026-05-31' })).status).toBe(409);
    const after = (await viewer.request('GET', `${base}/initiatives/${i.id}`)).json;
    expect(after).toMatchObject({ startDate: '2026-01-01', endDate: '2026-06-30', riskLevel: 'low' });
    // A resize that keeps them inside is fine.
    expect((await member.request('PATCH', `${base}/initiatives/${i.id}`, { startDate: '2026-01-15', endDate: '2026-06-01' })).status).toBe(200);
  });

  it('moves the milestones along when the initiative moves as a whole (both dates, same days), audited', async () => {
    const i = await initiative({ title: 'Fleet telematics' });
    const m = await add(i.id, { title: 'Vans fitted', dueDate: '2026-03-15', doneOn: '2026-03-14' });
    const moved = await member.request('PATCH', `${base}/initiatives/${i.id}`, { startDate: '2026-03-02', endDate: '2026-08-29' });
    expect(moved.status).toBe(200);
    const [after] = await listed(i.id);
    expect(after).toMatchObject({ id: m.id, dueDate: '2026-05-14', doneOn: '2026-03-14' });
    const [entry] = await auditOf(`entityId=${m.id}&action=milestone.update`);
    expect(entry.before.dueDate).toBe('2026-03-15');
    expect(entry.after.dueDate).toBe('2026-05-14');
  });

  it('refuses changes while the initiative is archived; viewers cannot write; other workspaces are not found', async () => {
    const i = await initiative();
    const m = await add(i.id, { title: 'Kick-off', dueDate: '2026-01-10' });
    expect((await viewer.request('POST', `${base}/initiatives/${i.id}/milestones`, { title: 'x', dueDate: '2026-02-01' })).status).toBe(403);
    expect((await viewer.request('PATCH', `${base}/milestones/${m.id}`, { title: 'x' })).status).toBe(403);
    expect((await viewer.request('DELETE', `${base}/milestones/${m.id}`)).status).toBe(403);
    await member.request('POST', `${base}/initiatives/${i.id}/archive`);
    const add2 = await member.request('POST', `${base}/initiatives/${i.id}/milestones`, { title: 'x', dueDate: '2026-02-01' });
    expect(add2.status).toBe(409);
    expect(add2.json.detail).toBe('This initiative is archived; restore it to make changes.');
    expect((await member.request('PATCH', `${base}/milestones/${m.id}`, { doneOn: '2026-01-10' })).status).toBe(409);
    expect((await member.request('DELETE', `${base}/milestones/${m.id}`)).status).toBe(409);
    expect((await listed(i.id))).toHaveLength(1);

    const foreignIni = (await owner.request('POST', `${otherBase}/initiatives`, { title: 'Theirs' })).json;
    const foreignM = (await owner.request('POST', `${otherBase}/initiatives/${foreignIni.id}/milestones`, { title: 'Theirs', dueDate: '2026-01-01' })).json;
    expect((await owner.request('GET', `${base}/initiatives/${foreignIni.id}/milestones`)).status).toBe(404);
    expect((await owner.request('POST', `${base}/initiatives/${foreignIni.id}/milestones`, { title: 'x', dueDate: '2026-01-01' })).status).toBe(404);
    expect((await owner.request('PATCH', `${base}/milestones/${foreignM.id}`, { title: 'Stolen' })).status).toBe(404);
    expect((await owner.request('DELETE', `${base}/milestones/${foreignM.id}`)).status).toBe(404);
    const bad = await member.request('POST', `${base}/initiatives/${foreignIni.id}/milestones`, { title: '', dueDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.dueDate', 'body.title']);
  });
});
