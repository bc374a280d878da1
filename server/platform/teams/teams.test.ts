import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

const paths = (json: any) => json.errors.map((e: { path: string }) => e.path).sort();

describe('teams', () => {
  let app: TestApp;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let ws: { id: string; slug: string };
  let base: string;
  let otherWs: { id: string; slug: string };
  let otherBase: string;
  let outsider: Client;
  let unit: { id: string };
  let foreignUnit: { id: string };

  beforeAll(async () => {
    ({ app } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Teams Co' });
    owner = s.owner;
    ws = s.workspace;
    base = `/api/v1/workspaces/${ws.slug}/teams`;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
    viewer = await addMember(app, owner, ws.slug, 'viewer');
    otherWs = (await member.request('POST', '/api/v1/workspaces', { name: 'Other Teams Co' })).json;
    otherBase = `/api/v1/workspaces/${otherWs.slug}/teams`;
    outsider = await addMember(app, member, otherWs.slug, 'admin');
    unit = (await owner.request('POST', `/api/v1/workspaces/${ws.slug}/business-units`, { name: 'Operations' })).json;
    foreignUnit = (await member.request('POST', `/api/v1/workspaces/${otherWs.slug}/business-units`, { name: 'Their Ops' })).json;
  });

  const create = async (who: Client, body: object, path = base) => {
    const res = await who.request('POST', path, body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json;
  };
  const auditOf = async (filter: string) => (await owner.request('GET', `/api/v1/workspaces/${ws.slug}/audit-log?${filter}`)).json.items;
  const names = async () => (await owner.request('GET', `${base}?includeArchived=true&limit=200`)).json.items.map((t: any) => t.name);

  it('creates a team with its lead and business unit; audited', async () => {
    const res = await admin.request('POST', base, { name: '  Platform team  ', description: 'Cloud and data platform', leadUserId: member.userId, businessUnitId: unit.id });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Platform team', description: 'Cloud and data platform', leadUserId: member.userId, businessUnitId: unit.id, archivedAt: null });
    const [entry] = await auditOf(`action=team.create&entityId=${res.json.id}`);
    expect(entry).toMatchObject({ entityType: 'team', actor: { userId: admin.userId }, before: null, after: { name: 'Platform team' } });
    expect(await create(owner, { name: 'Service desk' })).toMatchObject({ description: '', leadUserId: null, businessUnitId: null });
  });

  it('refuses bad input with field paths, and changes nothing', async () => {
    const bad = await admin.request('POST', base, { name: ' ', description: 4, leadUserId: 'x' });
    expect(bad.status).toBe(400);
    expect(paths(bad.json)).toEqual(['body.description', 'body.leadUserId', 'body.name']);
    const lead = await admin.request('POST', base, { name: 'Shadow', leadUserId: outsider.userId });
    expect(lead.status).toBe(400);
    expect(lead.json.errors).toEqual([{ path: 'body.leadUserId', message: 'is not a member of this workspace' }]);
    const foreign = await admin.request('POST', base, { name: 'Shadow', businessUnitId: foreignUnit.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors).toEqual([{ path: 'body.businessUnitId', message: 'is not a business unit of this workspace' }]);
    expect(await names()).not.toContain('Shadow');
  });

  it('keeps names unique per workspace, whatever their case', async () => {
    await create(owner, { name: 'Integration' });
    const dup = await admin.request('POST', base, { name: 'INTEGRATION' });
    expect(dup.status).toBe(409);
    expect(dup.json.detail).toBe('A team named "INTEGRATION" already exists.');
    await create(member, { name: 'Integration' }, otherBase);
  });

  it('lists by name, archived ones when asked, in pages; reads one', async () => {
    const zz = await create(owner, { name: 'Zz archived team' });
    await owner.request('POST', `${base}/${zz.id}/archive`);
    const list = await viewer.request('GET', base);
    expect(list.status).toBe(200);
    const shown = list.json.items.map((t: any) => t.name);
    expect(shown).not.toContain('Zz archived team');
    expect(shown).toEqual([...shown].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await viewer.request('GET', `${base}?includeArchived=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.json.items.map((t: any) => t.name));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(await names());
    expect(paged).toContain('Zz archived team');
    const one = await viewer.request('GET', `${base}/${zz.id}`);
    expect(one.status).toBe(200);
    expect(one.json.name).toBe('Zz archived team');
  });

  it('edits with before and after in the audit log; archived teams take no edits until restored', async () => {
    const t = await create(owner, { name: 'Apps', leadUserId: member.userId });
    const res = await admin.request('PATCH', `${base}/${t.id}`, { name: 'Applications', leadUserId: null, businessUnitId: unit.id });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'Applications', leadUserId: null, businessUnitId: unit.id });
    const [entry] = await auditOf(`action=team.update&entityId=${t.id}`);
    expect(entry.before).toMatchObject({ name: 'Apps', leadUserId: member.userId });
    expect(entry.after).toMatchObject({ name: 'Applications', leadUserId: null });
    expect((await admin.request('PATCH', `${base}/${t.id}`, { name: 'integration' })).status).toBe(409);
    expect((await admin.request('PATCH', `${base}/${t.id}`, { businessUnitId: foreignUnit.id })).json.errors[0].path).toBe('body.businessUnitId');

    expect((await admin.request('POST', `${base}/${t.id}/archive`)).json.archivedAt).not.toBeNull();
    const edit = await admin.request('PATCH', `${base}/${t.id}`, { description: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.json.detail).toBe('This team is archived; restore it to make changes.');
    expect((await admin.request('POST', `${base}/${t.id}/archive`)).status).toBe(409);
    const again = await admin.request('POST', base, { name: 'applications' });
    expect(again.json.detail).toBe('A team named "applications" already exists (archived: restore it instead).');
    expect((await admin.request('POST', `${base}/${t.id}/restore`)).json.archivedAt).toBeNull();
    const actions = (await auditOf(`entityId=${t.id}&action=team.`)).map((e: any) => e.action);
    expect(actions).toEqual(['team.restore', 'team.archive', 'team.update', 'team.create']);
  });

  it('refuses an archived team as a new choice on an initiative (400 on body.teamId), but an initiative keeps one it has', async () => {
    const initiatives = `/api/v1/workspaces/${ws.slug}/initiatives`;
    const t = await create(owner, { name: 'Sunset crew' });
    const kept = (await member.request('POST', initiatives, { title: 'Legacy clean-up', teamId: t.id })).json;
    expect((await admin.request('POST', `${base}/${t.id}/archive`)).status).toBe(200);

    const made = await member.request('POST', initiatives, { title: 'New work for an old team', teamId: t.id });
    expect(made.status).toBe(400);
    expect(made.json.errors).toEqual([{ path: 'body.teamId', message: 'is an archived team; choose a live team or restore it first' }]);
    const other = (await member.request('POST', initiatives, { title: 'Another job' })).json;
    const moved = await member.request('PATCH', `${initiatives}/${other.id}`, { teamId: t.id });
    expect(moved.status).toBe(400);
    expect(moved.json.errors[0].path).toBe('body.teamId');
    expect((await member.request('GET', `${initiatives}/${other.id}`)).json.teamId).toBeNull();

    // The initiative that had it keeps it through unrelated edits (the whole form sent back too).
    const edit = await member.request('PATCH', `${initiatives}/${kept.id}`, { title: 'Legacy clean-up (phase 2)', teamId: t.id });
    expect(edit.status).toBe(200);
    expect(edit.json).toMatchObject({ title: 'Legacy clean-up (phase 2)', teamId: t.id });
    expect((await admin.request('POST', `${base}/${t.id}/restore`)).status).toBe(200);
    expect((await member.request('PATCH', `${initiatives}/${other.id}`, { teamId: t.id })).status).toBe(200);
  });

  it('lets only admins change teams; other workspaces’ teams are not found', async () => {
    const t = await create(owner, { name: 'Security' });
    expect((await member.request('POST', base, { name: 'Mine' })).status).toBe(403);
    expect((await member.request('PATCH', `${base}/${t.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await viewer.request('POST', `${base}/${t.id}/archive`)).status).toBe(403);
    const foreign = await create(member, { name: 'Their team' }, otherBase);
    expect((await owner.request('GET', `${base}/${foreign.id}`)).status).toBe(404);
    expect((await owner.request('PATCH', `${base}/${foreign.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await owner.request('POST', `${base}/${foreign.id}/archive`)).status).toBe(404);
    expect((await app.inject({ method: 'POST', url: base, headers: { origin: ORIGIN }, payload: { name: 'x' } })).statusCode).toBe(401);
  });
});
