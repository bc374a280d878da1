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
  const s = await setupOwner(app, { workspaceName: 'Dependencies Co' });
  owner = s.owner;
  base = `/api/v1/workspaces/${s.workspace.slug}`;
  member = await addMember(app, owner, s.workspace.slug, 'member');
  viewer = await addMember(app, owner, s.workspace.slug, 'viewer');
  otherBase = `/api/v1/workspaces/${(await owner.request('POST', '/api/v1/workspaces', { name: 'Other Deps Co' })).json.slug}`;
});

const initiative = async (title: string, body: object = {}) => {
  const res = await member.request('POST', `${base}/initiatives`, { title, ...body });
  expect(res.status).toBe(201);
  return res.json as { id: string; title: string };
};
const depend = (who: Client, from: { id: string }, on: { id: string }, note?: string) =>
  who.request('POST', `${base}/initiatives/${from.id}/dependencies`, { dependsOnId: on.id, ...(note !== undefined ? { note } : {}) });
const detail = async (i: { id: string }) => (await viewer.request('GET', `${base}/initiatives/${i.id}`)).json;
const count = async () => (await owner.request('GET', `${base}/audit-log?action=initiative_dependency.create&limit=200`)).json.items.length;

describe('dependencies', () => {
  it('records "depends on" with a note, listed on both initiatives’ pages, and removes it; audited', async () => {
    const data = await initiative('Data platform', { startDate: '2026-09-01', endDate: '2027-03-31', status: 'in_progress' });
    const crm = await initiative('New CRM', { startDate: '2027-04-01', endDate: '2027-12-31' });
    const res = await depend(member, crm, data, '  Needs the customer master  ');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ initiativeId: crm.id, dependsOnId: data.id, note: 'Needs the customer master' });
    const d = await detail(crm);
    expect(d.dependsOn).toEqual([{
      dependencyId: res.json.id, id: data.id, title: 'Data platform', status: 'in_progress', startDate: '2026-09-01', endDate: '2027-03-31',
      archived: false, note: 'Needs the customer master',
    }]);
    expect(d.dependents).toEqual([]);
    expect(d.dependsOnCount).toBe(1);
    const p = await detail(data);
    expect(p.dependents.map((e: any) => [e.id, e.dependencyId])).toEqual([[crm.id, res.json.id]]);
    expect(p.dependentCount).toBe(1);
    const listed = (await viewer.request('GET', `${base}/initiatives?q=CRM`)).json.items[0];
    expect(listed).toMatchObject({ dependsOnCount: 1, dependentCount: 0 });
    const [created] = (await owner.request('GET', `${base}/audit-log?entityId=${res.json.id}`)).json.items;
    expect(created).toMatchObject({ action: 'initiative_dependency.create', after: { initiativeTitle: 'New CRM', dependsOnTitle: 'Data platform' } });

    expect((await member.request('DELETE', `${base}/initiative-dependencies/${res.json.id}`)).status).toBe(204);
    expect((await detail(crm)).dependsOn).toEqual([]);
    expect((await member.request('DELETE', `${base}/initiative-dependencies/${res.json.id}`)).status).toBe(404);
    const [removed] = (await owner.request('GET', `${base}/audit-log?entityId=${res.json.id}&action=initiative_dependency.delete`)).json.items;
    expect(removed.before).toMatchObject({ initiativeId: crm.id, dependsOnId: data.id });
  });

  it('refuses itself, another workspace’s or an archived initiative (400 on body.dependsOnId) and a duplicate (409)', async () => {
    const a = await initiative('Alpha');
    const b = await initiative('Beta');
    const before = await count();
    const self = await depend(member, a, a);
    expect(self.status).toBe(400);
    expect(self.json.errors).toEqual([{ path: 'body.dependsOnId', message: 'an initiative cannot depend on itself' }]);
    const foreign = (await owner.request('POST', `${otherBase}/initiatives`, { title: 'Theirs' })).json;
    const cross = await depend(member, a, foreign);
    expect(cross.status).toBe(400);
    expect(cross.json.errors).toEqual([{ path: 'body.dependsOnId', message: 'is not an initiative of this workspace' }]);
    expect((await owner.request('POST', `${base}/initiatives/${foreign.id}/dependencies`, { dependsOnId: a.id })).status).toBe(404);
    const malformed = await member.request('POST', `${base}/initiatives/${a.id}/dependencies`, { dependsOnId: 'nope', note: 'x'.repeat(301) });
    expect(malformed.json.errors.map((e: any) => e.path).sort()).toEqual(['body.dependsOnId', 'body.note']);
    const gone = await initiative('Gone');
    await member.request('POST', `${base}/initiatives/${gone.id}/archive`);
    expect((await depend(member, a, gone)).json.errors[0]).toMatchObject({ path: 'body.dependsOnId', message: 'is archived; restore it first' });
    expect((await depend(member, gone, a)).status).toBe(409);
    expect((await depend(member, a, b)).status).toBe(201);
    const dup = await depend(member, a, b);
    expect(dup.status).toBe(409);
    expect(dup.json.detail).toBe("'Alpha' already depends on 'Beta'.");
    expect(await count()).toBe(before + 1);
  });

  it('refuses a cycle, direct or through others, naming it; a diamond is fine', async () => {
    const [a, b, c, d] = [await initiative('A app'), await initiative('B api'), await initiative('C cloud'), await initiative('D data')];
    // Diamond: A → B, A → C, B → D, C → D.
    for (const [x, y] of [[a, b], [a, c], [b, d], [c, d]] as const) expect((await depend(member, x, y)).status).toBe(201);
    expect((await depend(member, a, d)).status).toBe(201);
    const before = await count();
    const direct = await depend(member, b, a);
    expect(direct.status).toBe(409);
    expect(direct.json.title).toBe('Dependency cycle');
    expect(direct.json.detail).toBe("'B api' → 'A app' → 'B api' would be a cycle: 'A app' already depends on 'B api'.");
    const transitive = await depend(member, d, a);
    expect(transitive.status).toBe(409);
    expect(transitive.json.detail).toBe("'D data' → 'A app' → 'D data' would be a cycle: 'A app' already depends on 'D data'.");
    const e = await initiative('E edge');
    expect((await depend(member, d, e)).status).toBe(201);
    const long = await depend(member, e, b);
    expect(long.json.detail).toBe("'E edge' → 'B api' → 'D data' → 'E edge' would be a cycle: 'B api' already depends on 'E edge' through others.");
    expect(await count()).toBe(before + 1);
  });

  it('lets one of two concurrent requests closing a cycle through, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const x = await initiative(`Race X${round}`);
      const y = await initiative(`Race Y${round}`);
      const results = await Promise.all([depend(member, x, y), depend(owner, y, x)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    }
  });

  it('refuses a dependency the present dates break (409), and date changes that would break one (409, nothing changed)', async () => {
    const data = await initiative('Data lake', { startDate: '2026-09-01', endDate: '2027-03-31' });
    const crm = await initiative('CRM rollout', { startDate: '2027-01-01', endDate: '2027-06-30' });
    const early = await depend(member, crm, data);
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe(
      "'CRM rollout' starts on 2027-01-01, but 'Data lake' runs until 2027-03-31: an initiative must start after the last day of one it "
      + 'depends on (on or after 2027-04-01). Move the dates first.',
    );
    // End dates are inclusive: starting on the prerequisite's last day is still too early; the day after is fine.
    expect((await member.request('PATCH', `${base}/initiatives/${crm.id}`, { startDate: '2027-03-31' })).status).toBe(200);
    expect((await depend(member, crm, data)).status).toBe(409);
    expect((await member.request('PATCH', `${base}/initiatives/${crm.id}`, { startDate: '2027-04-01' })).status).toBe(200);
    expect((await depend(member, crm, data)).status).toBe(201);
    const analytics = await initiative('Analytics', { startDate: '2027-07-01', endDate: '2027-09-30' });
    expect((await depend(member, analytics, crm)).status).toBe(201);

    // The dependent starts too early.
    const start = await member.request('PATCH', `${base}/initiatives/${crm.id}`, { startDate: '2027-03-01', title: 'CRM renamed' });
    expect(start.status).toBe(409);
    expect(start.json.detail).toBe("'CRM rollout' must start on or after 2027-04-01, the day after 'Data lake' ends. Nothing was changed.");
    expect(start.json.errors).toEqual([{ path: 'body.startDate', message: "must start on or after 2027-04-01, the day after 'Data lake' ends" }]);
    // The prerequisite ends too late, even by the one day it would share with the dependent's start.
    const end = await member.request('PATCH', `${base}/initiatives/${data.id}`, { endDate: '2027-04-15' });
    expect(end.status).toBe(409);
    expect(end.json.detail).toBe("'Data lake' must end on or before 2027-03-31, the day before 'CRM rollout' starts. Nothing was changed.");
    expect(end.json.errors).toEqual([{ path: 'body.endDate', message: "must end on or before 2027-03-31, the day before 'CRM rollout' starts" }]);
    expect((await member.request('PATCH', `${base}/initiatives/${data.id}`, { endDate: '2027-04-01' })).status).toBe(409);
    // Both sides at once: a move of the middle one by a month.
    const both = await member.request('PATCH', `${base}/initiatives/${crm.id}`, { startDate: '2027-03-01', endDate: '2027-07-30' });
    expect(both.status).toBe(409);
    expect(both.json.errors.map((e: any) => e.path)).toEqual(['body.startDate', 'body.endDate']);
    expect(await detail(crm)).toMatchObject({ title: 'CRM rollout', startDate: '2027-04-01', endDate: '2027-06-30' });
    expect(await detail(data)).toMatchObject({ endDate: '2027-03-31' });
    const updates = (await owner.request('GET', `${base}/audit-log?entityId=${crm.id}&action=initiative.update`)).json.items;
    expect(updates).toHaveLength(2);

    // Moves that keep the rule, and open dates, are fine; an archived neighbour no longer holds dates back.
    expect((await member.request('PATCH', `${base}/initiatives/${data.id}`, { startDate: '2026-08-01', endDate: '2027-02-28' })).status).toBe(200);
    expect((await member.request('PATCH', `${base}/initiatives/${crm.id}`, { startDate: null })).status).toBe(200);
    await member.request('POST', `${base}/initiatives/${analytics.id}/archive`);
    expect((await member.request('PATCH', `${base}/initiatives/${crm.id}`, { endDate: '2027-08-31' })).status).toBe(200);
  });

  it('lets viewers read but not change dependencies; another workspace’s dependency is not found', async () => {
    const a = await initiative('Viewer A');
    const b = await initiative('Viewer B');
    expect((await depend(viewer, a, b)).status).toBe(403);
    const dep = (await depend(member, a, b)).json;
    expect((await viewer.request('DELETE', `${base}/initiative-dependencies/${dep.id}`)).status).toBe(403);
    const x = (await owner.request('POST', `${otherBase}/initiatives`, { title: 'X' })).json;
    const y = (await owner.request('POST', `${otherBase}/initiatives`, { title: 'Y' })).json;
    const foreign = (await owner.request('POST', `${otherBase}/initiatives/${x.id}/dependencies`, { dependsOnId: y.id })).json;
    expect((await owner.request('DELETE', `${base}/initiative-dependencies/${foreign.id}`)).status).toBe(404);
    expect((await owner.request('DELETE', `${otherBase}/initiative-dependencies/${foreign.id}`)).status).toBe(204);
    // An archived dependent's dependencies stay as they are until it is restored.
    await member.request('POST', `${base}/initiatives/${a.id}/archive`);
    const locked = await member.request('DELETE', `${base}/initiative-dependencies/${dep.id}`);
    expect(locked.status).toBe(409);
    expect(locked.json.detail).toBe("'Viewer A' is archived; restore it to change its dependencies.");
  });
});
