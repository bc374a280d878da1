import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import { addMember, setupOwner, testApp, type Client, type TestApp } from '../test/harness';
import { initiatives } from './tables';

/** Initiatives' kind, team, parent programme and risk level, and the list filters on them. */
let app: TestApp;
let database: Database;
let owner: Client;
let member: Client;
let viewer: Client;
let base: string;
let otherBase: string;
let team: { id: string };
let foreignTeam: { id: string };
let foreignInitiative: { id: string };

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Portfolio Co' });
  owner = s.owner;
  base = `/api/v1/workspaces/${s.workspace.slug}`;
  member = await addMember(app, owner, s.workspace.slug, 'member');
  viewer = await addMember(app, owner, s.workspace.slug, 'viewer');
  const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Co' })).json;
  otherBase = `/api/v1/workspaces/${other.slug}`;
  team = (await owner.request('POST', `${base}/teams`, { name: 'Platform' })).json;
  foreignTeam = (await owner.request('POST', `${otherBase}/teams`, { name: 'Platform' })).json;
  foreignInitiative = (await owner.request('POST', `${otherBase}/initiatives`, { title: 'Foreign programme', kind: 'programme' })).json;
});

const create = async (body: object, who: Client = member) => {
  const res = await who.request('POST', `${base}/initiatives`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
};
const titles = async (query: string) => (await viewer.request('GET', `${base}/initiatives?limit=200&${query}`)).json.items.map((i: any) => i.title).sort();

describe('initiative fields', () => {
  it('defaults to a low-risk project without team or parent, with zero counts', async () => {
    const i = await create({ title: 'Plain project' });
    expect(i).toMatchObject({
      kind: 'project', riskLevel: 'low', teamId: null, parentInitiativeId: null, milestoneCount: 0, dependsOnCount: 0, dependentCount: 0, linkCount: 0,
    });
  });

  it('stores kind, team, parent and risk level; shows them on the list and detail; audits them', async () => {
    const programme = await create({ title: 'Digital warehouse', kind: 'programme', riskLevel: 'high', teamId: team.id });
    const epic = await create({ title: 'Scanner rollout', kind: 'epic', riskLevel: 'critical', teamId: team.id, parentInitiativeId: programme.id });
    expect(epic).toMatchObject({ kind: 'epic', riskLevel: 'critical', teamId: team.id, parentInitiativeId: programme.id });
    const detail = (await viewer.request('GET', `${base}/initiatives/${epic.id}`)).json;
    expect(detail).toMatchObject({ kind: 'epic', parentInitiativeId: programme.id, milestones: [], dependsOn: [], dependents: [] });
    const changed = await member.request('PATCH', `${base}/initiatives/${epic.id}`, { riskLevel: 'medium', kind: 'project', teamId: null });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ riskLevel: 'medium', kind: 'project', teamId: null, parentInitiativeId: programme.id });
    const audit = (await owner.request('GET', `${base}/audit-log?entityId=${epic.id}&action=initiative.update`)).json.items[0];
    expect(audit.before).toMatchObject({ riskLevel: 'critical', kind: 'epic', teamId: team.id });
    expect(audit.after).toMatchObject({ riskLevel: 'medium', kind: 'project', teamId: null });
  });

  it('refuses unknown kinds and risk levels, other workspaces’ teams and initiatives, with paths; nothing is made', async () => {
    const before = await titles('includeArchived=true');
    const bad = await member.request('POST', `${base}/initiatives`, { title: 'Bad', kind: 'saga', riskLevel: 'extreme' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.kind', 'body.riskLevel']);
    const foreign = await member.request('POST', `${base}/initiatives`, { title: 'Bad', teamId: foreignTeam.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors).toEqual([{ path: 'body.teamId', message: 'is not a team of this workspace' }]);
    const parent = await member.request('POST', `${base}/initiatives`, { title: 'Bad', parentInitiativeId: foreignInitiative.id });
    expect(parent.status).toBe(400);
    expect(parent.json.errors).toEqual([{ path: 'body.parentInitiativeId', message: 'is not an initiative of this workspace' }]);
    expect(await titles('includeArchived=true')).toEqual(before);
    const i = await create({ title: 'Keeps its team' });
    const patch = await member.request('PATCH', `${base}/initiatives/${i.id}`, { teamId: foreignTeam.id, riskLevel: 'high' });
    expect(patch.json.errors).toEqual([{ path: 'body.teamId', message: 'is not a team of this workspace' }]);
    expect((await viewer.request('GET', `${base}/initiatives/${i.id}`)).json).toMatchObject({ teamId: null, riskLevel: 'low' });
  });

  it('refuses a parent that is the initiative itself or one of its parts, naming the cycle; nothing changes', async () => {
    const a = await create({ title: 'Programme A', kind: 'programme' });
    const b = await create({ title: 'Project B', parentInitiativeId: a.id });
    const c = await create({ title: 'Epic C', kind: 'epic', parentInitiativeId: b.id });
    const self = await member.request('PATCH', `${base}/initiatives/${a.id}`, { parentInitiativeId: a.id });
    expect(self.status).toBe(400);
    expect(self.json.errors).toEqual([{ path: 'body.parentInitiativeId', message: 'cannot be the initiative itself' }]);
    const direct = await member.request('PATCH', `${base}/initiatives/${b.id}`, { parentInitiativeId: c.id });
    expect(direct.status).toBe(400);
    expect(direct.json.errors[0]).toEqual({
      path: 'body.parentInitiativeId', message: "is part of this initiative; 'Project B' → 'Epic C' → 'Project B' would be a cycle",
    });
    const deep = await member.request('PATCH', `${base}/initiatives/${a.id}`, { parentInitiativeId: c.id, title: 'Renamed' });
    expect(deep.status).toBe(400);
    expect(deep.json.errors[0].message).toBe("is part of this initiative; 'Programme A' → 'Epic C' → 'Project B' → 'Programme A' would be a cycle");
    expect((await viewer.request('GET', `${base}/initiatives/${a.id}`)).json).toMatchObject({ title: 'Programme A', parentInitiativeId: null });
    // Moving a part elsewhere is fine, and so is clearing the parent.
    const d = await create({ title: 'Programme D', kind: 'programme' });
    expect((await member.request('PATCH', `${base}/initiatives/${c.id}`, { parentInitiativeId: d.id })).json.parentInitiativeId).toBe(d.id);
    expect((await member.request('PATCH', `${base}/initiatives/${c.id}`, { parentInitiativeId: null })).json.parentInitiativeId).toBeNull();
    // An archived parent is not chosen anew.
    await member.request('POST', `${base}/initiatives/${d.id}/archive`);
    const archived = await member.request('PATCH', `${base}/initiatives/${c.id}`, { parentInitiativeId: d.id });
    expect(archived.json.errors[0]).toMatchObject({ path: 'body.parentInitiativeId' });
  });

  it('filters the list by team, kind and risk level, alone and combined with the other filters', async () => {
    const support = (await owner.request('POST', `${base}/teams`, { name: 'Support' })).json;
    await create({ title: 'Filter alpha', kind: 'programme', riskLevel: 'high', teamId: support.id, status: 'planned' });
    await create({ title: 'Filter beta', kind: 'epic', riskLevel: 'high', teamId: support.id });
    await create({ title: 'Filter gamma', kind: 'epic', riskLevel: 'low' });
    expect(await titles(`teamId=${support.id}`)).toEqual(['Filter alpha', 'Filter beta']);
    expect(await titles('q=Filter&kind=epic')).toEqual(['Filter beta', 'Filter gamma']);
    expect(await titles('q=Filter&riskLevel=high')).toEqual(['Filter alpha', 'Filter beta']);
    expect(await titles(`teamId=${support.id}&kind=epic&riskLevel=high`)).toEqual(['Filter beta']);
    expect(await titles(`teamId=${support.id}&status=planned`)).toEqual(['Filter alpha']);
    expect(await titles(`teamId=${foreignTeam.id}`)).toEqual([]);
    const bad = await viewer.request('GET', `${base}/initiatives?kind=saga&riskLevel=1&teamId=x`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['query.kind', 'query.riskLevel', 'query.teamId']);
    // Pages under a filter neither skip nor repeat.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await viewer.request('GET', `${base}/initiatives?riskLevel=high&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json.items.map((i: any) => i.title));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(await titles('riskLevel=high'));
  });
});

describe('initiative dates and their dependencies', () => {
  const depend = (from: { id: string }, on: { id: string }) =>
    member.request('POST', `${base}/initiatives/${from.id}/dependencies`, { dependsOnId: on.id });
  const patch = (i: { id: string }, body: object) => member.request('PATCH', `${base}/initiatives/${i.id}`, body);

  it('refuses to restore an initiative whose live neighbours moved into its dates meanwhile (409 naming them, nothing changed)', async () => {
    const data = await create({ title: 'Restore: data lake', startDate: '2027-01-01', endDate: '2027-03-31' });
    const crm = await create({ title: 'Restore: CRM', startDate: '2027-04-01', endDate: '2027-06-30' });
    const bi = await create({ title: 'Restore: BI', startDate: '2027-07-01', endDate: '2027-09-30' });
    expect((await depend(crm, data)).status).toBe(201);
    expect((await depend(bi, crm)).status).toBe(201);
    expect((await member.request('POST', `${base}/initiatives/${crm.id}/archive`)).status).toBe(200);
    // Archived, the CRM holds no one back.
    expect((await patch(data, { endDate: '2027-04-15' })).status).toBe(200);
    expect((await patch(bi, { startDate: '2027-06-15' })).status).toBe(200);

    const refused = await member.request('POST', `${base}/initiatives/${crm.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toBe(
      "'Restore: CRM' must start on or after 2027-04-16, the day after 'Restore: data lake' ends; must end on or before 2027-06-14, "
      + "the day before 'Restore: BI' starts. Move the other initiative’s dates first; it stays archived and nothing was changed.",
    );
    expect(refused.json.errors).toEqual([
      { path: 'body.startDate', message: "must start on or after 2027-04-16, the day after 'Restore: data lake' ends" },
      { path: 'body.endDate', message: "must end on or before 2027-06-14, the day before 'Restore: BI' starts" },
    ]);
    expect((await viewer.request('GET', `${base}/initiatives/${crm.id}`)).json.archivedAt).not.toBeNull();
    expect((await owner.request('GET', `${base}/audit-log?entityId=${crm.id}&action=initiative.restore`)).json.items).toEqual([]);

    expect((await patch(data, { endDate: '2027-03-31' })).status).toBe(200);
    expect((await patch(bi, { startDate: '2027-07-01' })).status).toBe(200);
    const restored = await member.request('POST', `${base}/initiatives/${crm.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.json.archivedAt).toBeNull();
  });

  it('checks only the dates a PATCH changes: a rule broken before never refuses an edit of anything else', async () => {
    const data = await create({ title: 'Legacy: data lake', startDate: '2027-01-01', endDate: '2027-03-31' });
    const crm = await create({ title: 'Legacy: CRM', startDate: '2027-04-01', endDate: '2027-06-30' });
    expect((await depend(crm, data)).status).toBe(201);
    // Stored before end dates counted as days of work: the CRM starts on the data lake's last day.
    await database.db.update(initiatives).set({ startDate: '2027-03-31' }).where(eq(initiatives.id, crm.id));

    const title = await patch(crm, { title: 'Legacy: CRM renamed' });
    expect(title.status).toBe(200);
    // The whole form sent back: unchanged dates are not checked, the changed end date is (and is fine).
    const form = await patch(crm, { title: 'Legacy: CRM', startDate: '2027-03-31', endDate: '2027-07-31' });
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({ startDate: '2027-03-31', endDate: '2027-07-31' });
    expect((await patch(data, { title: 'Legacy: data lake 2', endDate: '2027-03-31' })).status).toBe(200);
    // A changed date that breaks the rule is still refused, naming only that date.
    const moved = await patch(crm, { startDate: '2027-03-15' });
    expect(moved.status).toBe(409);
    expect(moved.json.errors).toEqual([{ path: 'body.startDate', message: "must start on or after 2027-04-01, the day after 'Legacy: data lake 2' ends" }]);
    const later = await patch(data, { startDate: '2026-12-01', endDate: '2027-04-10' });
    expect(later.status).toBe(409);
    expect(later.json.errors.map((e: any) => e.path)).toEqual(['body.endDate']);
  });
});
