import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let ws: string;

beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Themes Co' });
  owner = s.owner;
  ws = s.workspace.slug;
});

const base = () => `/api/v1/workspaces/${ws}`;

describe('vision', () => {
  it('is empty until written, then holds what admins write, audited', async () => {
    const empty = await owner.request('GET', `${base()}/vision`);
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ statement: '', mission: '', horizon: '', updatedByUserId: null, updatedAt: null });

    const put = await owner.request('PUT', `${base()}/vision`, { statement: '  Every parcel on time  ', mission: 'Move goods reliably', horizon: '2028' });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ statement: 'Every parcel on time', mission: 'Move goods reliably', horizon: '2028', updatedByUserId: owner.userId });
    expect(put.json.updatedAt).not.toBeNull();

    const again = await owner.request('PUT', `${base()}/vision`, { statement: 'Every parcel on time, carbon-light', mission: 'Move goods reliably', horizon: '2028' });
    expect(again.json.statement).toBe('Every parcel on time, carbon-light');
    expect((await owner.request('GET', `${base()}/vision`)).json.statement).toBe('Every parcel on time, carbon-light');

    const audit = await owner.request('GET', `${base()}/audit-log?entityType=vision`);
    const entries = audit.json.items.filter((e: any) => e.action === 'vision.update');
    expect(entries).toHaveLength(2);
    expect(entries[0].before.statement).toBe('Every parcel on time');

    const tooLong = await owner.request('PUT', `${base()}/vision`, { statement: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors[0].path).toBe('body.statement');
  });

  it('is read by viewers and written by admins only', async () => {
    const viewer = await addMember(app, owner, ws, 'viewer');
    const member = await addMember(app, owner, ws, 'member');
    const admin = await addMember(app, owner, ws, 'admin');
    expect((await viewer.request('GET', `${base()}/vision`)).status).toBe(200);
    expect((await viewer.request('PUT', `${base()}/vision`, { statement: 'Mine' })).status).toBe(403);
    expect((await member.request('PUT', `${base()}/vision`, { statement: 'Mine' })).status).toBe(403);
    expect((await admin.request('PUT', `${base()}/vision`, { statement: 'Ours', mission: '', horizon: '' })).status).toBe(200);
  });
});

describe('themes', () => {
  it('creates, lists by position, edits, archives and restores a theme', async () => {
    const a = await owner.request('POST', `${base()}/themes`, { name: 'Operational excellence', color: '#1971C2', ownerUserId: owner.userId, description: 'Reliable hubs' });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ name: 'Operational excellence', color: '#1971c2', ownerUserId: owner.userId, position: 0, goalCount: 0, progress: null, archivedAt: null });
    const b = await owner.request('POST', `${base()}/themes`, { name: 'Customer growth' });
    expect(b.json).toMatchObject({ position: 1, color: '#1c7ed6', description: '', ownerUserId: null });

    const list = await owner.request('GET', `${base()}/themes`);
    expect(list.json.nextCursor).toBeNull();
    expect(list.json.items.map((t: any) => t.name)).toEqual(['Operational excellence', 'Customer growth']);

    const moved = await owner.request('PATCH', `${base()}/themes/${b.json.id}`, { position: 0, name: 'Customer Growth' });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ position: 0, name: 'Customer Growth' });
    expect((await owner.request('GET', `${base()}/themes`)).json.items.map((t: any) => t.name)).toEqual(['Customer Growth', 'Operational excellence']);

    expect((await owner.request('POST', `${base()}/themes/${b.json.id}/archive`)).json.archivedAt).not.toBeNull();
    expect((await owner.request('GET', `${base()}/themes`)).json.items.map((t: any) => t.name)).toEqual(['Operational excellence']);
    expect((await owner.request('GET', `${base()}/themes?includeArchived=true`)).json.items).toHaveLength(2);
    const edit = await owner.request('PATCH', `${base()}/themes/${b.json.id}`, { description: 'x' });
    expect(edit.status).toBe(409);
    expect((await owner.request('POST', `${base()}/themes/${b.json.id}/archive`)).status).toBe(409);
    expect((await owner.request('POST', `${base()}/themes/${b.json.id}/restore`)).json.archivedAt).toBeNull();

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${b.json.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['theme.archive', 'theme.create', 'theme.restore', 'theme.update']);
  });

  it('keeps names unique in any case, and refuses bad colours and strangers', async () => {
    await owner.request('POST', `${base()}/themes`, { name: 'Cost discipline' });
    const count = (await owner.request('GET', `${base()}/themes?includeArchived=true`)).json.items.length;
    const dup = await owner.request('POST', `${base()}/themes`, { name: '  COST DISCIPLINE ' });
    expect(dup.status).toBe(409);
    expect(dup.json.detail).toMatch(/already exists/);
    const other = (await owner.request('POST', `${base()}/themes`, { name: 'Sustainable fleet' })).json;
    expect((await owner.request('PATCH', `${base()}/themes/${other.id}`, { name: 'cost discipline' })).status).toBe(409);
    expect((await owner.request('PATCH', `${base()}/themes/${other.id}`, { name: 'SUSTAINABLE FLEET' })).status).toBe(200);

    const bad = await owner.request('POST', `${base()}/themes`, { name: '', color: 'blue', position: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.color', 'body.name', 'body.position']);
    const short = await owner.request('POST', `${base()}/themes`, { name: 'Short colour', color: '#fff' });
    expect(short.json.errors[0]).toEqual({ path: 'body.color', message: 'must be a colour as #rrggbb' });
    const stranger = await owner.request('POST', `${base()}/themes`, { name: 'Someone else', ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(400);
    expect(stranger.json.errors[0].path).toBe('body.ownerUserId');
    expect((await owner.request('GET', `${base()}/themes?includeArchived=true`)).json.items.length).toBe(count + 1);
  });

  it('counts its live goals and their progress', async () => {
    const theme = (await owner.request('POST', `${base()}/themes`, { name: 'People & data' })).json;
    const g1 = (await owner.request('POST', `${base()}/goals`, { title: 'Keep drivers', themeId: theme.id, weight: 80 })).json;
    const g2 = (await owner.request('POST', `${base()}/goals`, { title: 'Trusted data', themeId: theme.id, weight: 20 })).json;
    await owner.request('POST', `${base()}/goals`, { title: 'No KRs yet', themeId: theme.id });
    const archived = (await owner.request('POST', `${base()}/goals`, { title: 'Old goal', themeId: theme.id })).json;
    await owner.request('POST', `${base()}/goals/${archived.id}/archive`);
    // g1: 50 % of the way; g2: done → (80 × 0.5 + 20 × 1) / 100 = 0.6
    await owner.request('POST', `${base()}/goals/${g1.id}/key-results`, { title: 'Retention', baseline: 80, target: 90, current: 85 });
    await owner.request('POST', `${base()}/goals/${g2.id}/key-results`, { title: 'Duplicates', baseline: 100, target: 0, current: 0 });
    const got = await owner.request('GET', `${base()}/themes/${theme.id}`);
    expect(got.json.goalCount).toBe(3);
    expect(got.json.progress).toBeCloseTo(0.6, 10);
    const listed = (await owner.request('GET', `${base()}/themes`)).json.items.find((t: any) => t.id === theme.id);
    expect(listed).toMatchObject({ goalCount: 3 });
    expect(listed.progress).toBeCloseTo(0.6, 10);
  });

  it('lets viewers read and only admins write; hides another workspace’s themes', async () => {
    const theme = (await owner.request('POST', `${base()}/themes`, { name: 'Guarded' })).json;
    const viewer = await addMember(app, owner, ws, 'viewer');
    const member = await addMember(app, owner, ws, 'member');
    expect((await viewer.request('GET', `${base()}/themes/${theme.id}`)).status).toBe(200);
    expect((await member.request('POST', `${base()}/themes`, { name: 'Member theme' })).status).toBe(403);
    expect((await member.request('PATCH', `${base()}/themes/${theme.id}`, { name: 'Taken' })).status).toBe(403);
    expect((await viewer.request('POST', `${base()}/themes/${theme.id}/archive`)).status).toBe(403);

    const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other Themes Co' })).json;
    expect((await owner.request('GET', `/api/v1/workspaces/${other.slug}/themes/${theme.id}`)).status).toBe(404);
    expect((await owner.request('PATCH', `/api/v1/workspaces/${other.slug}/themes/${theme.id}`, { name: 'Stolen' })).status).toBe(404);
    const goal = await owner.request('POST', `/api/v1/workspaces/${other.slug}/goals`, { title: 'Elsewhere', themeId: theme.id });
    expect(goal.status).toBe(400);
    expect(goal.json.errors[0]).toEqual({ path: 'body.themeId', message: 'is not a theme of this workspace' });
  });
});
