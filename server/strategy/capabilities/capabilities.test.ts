import { beforeAll, describe, expect, it } from 'vitest';
import { lockHolder } from '../../test/concurrency';
import { addMember, type Client, setupOwner, testApp } from '../../test/harness';

let owner: Client;
let member: Client;
let viewer: Client;
let ws: string;
let wsId: string;
let url: string;
let otherWs: string;

beforeAll(async () => {
  const t = await testApp();
  const app = t.app;
  url = t.url;
  const s = await setupOwner(app, { workspaceName: 'Capability Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  wsId = s.workspace.id;
  member = await addMember(app, owner, ws, 'member');
  viewer = await addMember(app, owner, ws, 'viewer');
  otherWs = (await owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Ltd' })).json.slug;
});

const base = () => `/api/v1/workspaces/${ws}`;
const other = () => `/api/v1/workspaces/${otherWs}`;

async function create(client: Client, body: Record<string, unknown>) {
  const res = await client.request('POST', `${base()}/capabilities`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

async function tree() {
  const res = await viewer.request('GET', `${base()}/capabilities`);
  expect(res.status).toBe(200);
  return res.json.items as any[];
}

describe('capabilities', () => {
  it('builds a tree with gaps and roll-ups, in order, auditing each change', async () => {
    const transport = await create(member, { name: 'Transport management', description: 'Moving goods', ownerUserId: member.userId });
    const warehouse = await create(member, { name: 'Warehouse management', position: 0 });
    const routing = await create(member, { name: 'Route planning', parentId: transport.id, currentMaturity: 2, targetMaturity: 4 });
    const fleet = await create(member, { name: 'Fleet telematics', parentId: transport.id, currentMaturity: 1, targetMaturity: 4 });
    const customs = await create(member, { name: 'Customs', parentId: transport.id, currentMaturity: 3, targetMaturity: null });
    expect(routing).toMatchObject({ gap: 2, depth: 1, position: 0, parentId: transport.id, linkCount: 0, goals: [], initiatives: [], rollup: null });
    expect(fleet.position).toBe(1);
    expect(customs).toMatchObject({ gap: null, position: 2 });

    const items = await tree();
    const names = items.filter((c) => [transport.id, warehouse.id, routing.id, fleet.id, customs.id].includes(c.id)).map((c) => `${c.depth}:${c.name}`);
    // Both roots at position 0: by name.
    expect(names).toEqual(['0:Transport management', '1:Route planning', '1:Fleet telematics', '1:Customs', '0:Warehouse management']);
    const t = items.find((c) => c.id === transport.id);
    // Children: 2 → 4 (gap 2), 1 → 4 (gap 3), 3 → – (no gap). Max gap 3; current mean (2+1+3)/3 = 2; target mean (4+4)/2 = 4.
    expect(t.rollup).toEqual({ currentMaturity: 2, targetMaturity: 4, gap: 3, childCount: 3 });
    expect(t.gap).toBeNull();

    // Edit: raise the maturity, move it under the warehouse.
    const edited = await member.request('PATCH', `${base()}/capabilities/${customs.id}`, { targetMaturity: 5, parentId: warehouse.id, position: 3 });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ gap: 2, parentId: warehouse.id, position: 3 });
    const w = (await tree()).find((c) => c.id === warehouse.id);
    expect(w.rollup).toEqual({ currentMaturity: 3, targetMaturity: 5, gap: 2, childCount: 1 });

    const detail = await viewer.request('GET', `${base()}/capabilities/${routing.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id: routing.id, name: 'Route planning', depth: 1 });

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${customs.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['capability.create', 'capability.update']);
    const update = audit.json.items.find((e: any) => e.action === 'capability.update');
    expect(update.before).toMatchObject({ targetMaturity: null, parentId: transport.id, name: 'Customs' });
    expect(update.after).toMatchObject({ targetMaturity: 5, parentId: warehouse.id, gap: 2 });
  });

  it('archives leaves only, keeps archived ones out of the tree and roll-ups, and restores them', async () => {
    const parent = await create(member, { name: 'Order management' });
    const child = await create(member, { name: 'Order capture', parentId: parent.id, currentMaturity: 1, targetMaturity: 5 });
    const sibling = await create(member, { name: 'Order tracking', parentId: parent.id, currentMaturity: 3, targetMaturity: 4 });

    const refused = await member.request('POST', `${base()}/capabilities/${parent.id}/archive`);
    expect(refused.status).toBe(409);

    const archived = await member.request('POST', `${base()}/capabilities/${child.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.json.archivedAt).not.toBeNull();
    expect((await member.request('POST', `${base()}/capabilities/${child.id}/archive`)).status).toBe(409);
    expect((await member.request('PATCH', `${base()}/capabilities/${child.id}`, { name: 'x' })).status).toBe(409);

    let items = await tree();
    expect(items.map((c) => c.id)).not.toContain(child.id);
    expect(items.find((c) => c.id === parent.id).rollup).toEqual({ currentMaturity: 3, targetMaturity: 4, gap: 1, childCount: 1 });
    const withArchived = (await viewer.request('GET', `${base()}/capabilities?includeArchived=true`)).json.items;
    expect(withArchived.find((c: any) => c.id === child.id)).toMatchObject({ depth: 1, rollup: null });

    // An archived capability is not a parent.
    const under = await member.request('POST', `${base()}/capabilities`, { name: 'Under archived', parentId: child.id });
    expect(under.status).toBe(400);
    expect(under.json.errors[0].path).toBe('body.parentId');

    // A child of an archived parent comes back only after the parent.
    await member.request('POST', `${base()}/capabilities/${sibling.id}/archive`);
    await member.request('POST', `${base()}/capabilities/${parent.id}/archive`);
    expect((await member.request('POST', `${base()}/capabilities/${child.id}/restore`)).status).toBe(409);
    expect((await member.request('POST', `${base()}/capabilities/${parent.id}/restore`)).status).toBe(200);
    expect((await member.request('POST', `${base()}/capabilities/${child.id}/restore`)).status).toBe(200);
    items = await tree();
    expect(items.find((c) => c.id === parent.id).rollup).toEqual({ currentMaturity: 1, targetMaturity: 5, gap: 4, childCount: 1 });
  });

  it('refuses a cycle, a foreign parent, a stranger as owner and maturities out of range, changing nothing', async () => {
    const a = await create(member, { name: 'Finance' });
    const b = await create(member, { name: 'Billing', parentId: a.id });
    const c = await create(member, { name: 'Invoicing', parentId: b.id });
    const before = JSON.stringify(await tree());

    for (const parentId of [a.id, b.id, c.id]) {
      const res = await member.request('PATCH', `${base()}/capabilities/${a.id}`, { parentId });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].path).toBe('body.parentId');
    }
    const foreign = await owner.request('POST', `${other()}/capabilities`, { name: 'Theirs' });
    expect(foreign.status).toBe(201);
    const foreignParent = await member.request('PATCH', `${base()}/capabilities/${b.id}`, { parentId: foreign.json.id });
    expect(foreignParent.status).toBe(400);
    expect(foreignParent.json.errors[0].path).toBe('body.parentId');

    const stranger = await member.request('PATCH', `${base()}/capabilities/${b.id}`, { ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.json.errors[0]).toEqual({ path: 'body.ownerUserId', message: 'is not a member of this workspace' });
    const range = await member.request('PATCH', `${base()}/capabilities/${b.id}`, { currentMaturity: 0, targetMaturity: 6 });
    expect(range.status).toBe(400);
    expect(range.json.errors.map((e: any) => e.path).sort()).toEqual(['body.currentMaturity', 'body.targetMaturity']);
    const noName = await member.request('POST', `${base()}/capabilities`, { name: '  ', targetMaturity: 2.5 });
    expect(noName.json.errors.map((e: any) => e.path).sort()).toEqual(['body.name', 'body.targetMaturity']);

    expect(JSON.stringify(await tree())).toBe(before);
    // Another workspace's capability is not found here.
    expect((await member.request('GET', `${base()}/capabilities/${foreign.json.id}`)).status).toBe(404);
    expect((await member.request('PATCH', `${base()}/capabilities/${foreign.json.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await member.request('POST', `${base()}/capabilities/${foreign.json.id}/archive`)).status).toBe(404);
  });

  it('links goals and initiatives of the workspace once each, and unlinks', async () => {
    const cap = await create(member, { name: 'Proof of delivery', currentMaturity: 2, targetMaturity: 4 });
    const goal = (await member.request('POST', `${base()}/goals`, { title: 'Paperless deliveries' })).json;
    const ini = (await member.request('POST', `${base()}/initiatives`, { title: 'Driver app with e-signature' })).json;
    const theirGoal = (await owner.request('POST', `${other()}/goals`, { title: 'Their goal' })).json;
    const theirIni = (await owner.request('POST', `${other()}/initiatives`, { title: 'Their initiative' })).json;

    const lg = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id });
    expect(lg.status).toBe(201);
    expect(lg.json).toMatchObject({ capabilityId: cap.id, goalId: goal.id, initiativeId: null, title: 'Paperless deliveries', capabilityName: 'Proof of delivery' });
    const li = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { initiativeId: ini.id });
    expect(li.status).toBe(201);

    expect((await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id })).status).toBe(409);
    expect((await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { initiativeId: ini.id })).status).toBe(409);
    const foreignGoal = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: theirGoal.id });
    expect(foreignGoal.status).toBe(400);
    expect(foreignGoal.json.errors[0].path).toBe('body.goalId');
    const foreignIni = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { initiativeId: theirIni.id });
    expect(foreignIni.json.errors[0].path).toBe('body.initiativeId');
    const both = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id, initiativeId: ini.id });
    expect(both.status).toBe(400);
    expect(both.json.errors[0].path).toBe('body.initiativeId');
    const none = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, {});
    expect(none.json.errors[0].path).toBe('body.goalId');

    const listed = (await tree()).find((c) => c.id === cap.id);
    expect(listed.linkCount).toBe(2);
    expect(listed.goals).toEqual([{ linkId: lg.json.id, id: goal.id, title: 'Paperless deliveries' }]);
    expect(listed.initiatives).toEqual([{ linkId: li.json.id, id: ini.id, title: 'Driver app with e-signature' }]);

    // Another workspace cannot remove it, nor link to its capabilities.
    const theirCap = (await owner.request('POST', `${other()}/capabilities`, { name: 'Theirs too' })).json;
    expect((await member.request('POST', `${base()}/capabilities/${theirCap.id}/links`, { goalId: goal.id })).status).toBe(404);
    expect((await owner.request('DELETE', `${other()}/capability-links/${lg.json.id}`)).status).toBe(404);

    expect((await member.request('DELETE', `${base()}/capability-links/${lg.json.id}`)).status).toBe(204);
    expect((await member.request('DELETE', `${base()}/capability-links/${lg.json.id}`)).status).toBe(404);
    const after = (await tree()).find((c) => c.id === cap.id);
    expect(after).toMatchObject({ linkCount: 1, goals: [] });

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${lg.json.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['capability_link.create', 'capability_link.delete']);
    expect(audit.json.items.find((e: any) => e.action === 'capability_link.delete').before).toMatchObject({ goalId: goal.id, title: 'Paperless deliveries' });
  });

  it('refuses an archived goal or initiative as a link target (400 on the field), linking nothing', async () => {
    const cap = await create(member, { name: 'Parcel lockers' });
    const goal = (await member.request('POST', `${base()}/goals`, { title: 'Old locker goal' })).json;
    const ini = (await member.request('POST', `${base()}/initiatives`, { title: 'Old locker pilot' })).json;
    await member.request('POST', `${base()}/goals/${goal.id}/archive`);
    await member.request('POST', `${base()}/initiatives/${ini.id}/archive`);

    const toGoal = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id });
    expect(toGoal.status).toBe(400);
    expect(toGoal.json.errors).toEqual([{ path: 'body.goalId', message: 'is an archived goal; choose a live goal or restore it first' }]);
    const toIni = await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { initiativeId: ini.id });
    expect(toIni.status).toBe(400);
    expect(toIni.json.errors).toEqual([{ path: 'body.initiativeId', message: 'is an archived initiative; choose a live one or restore it first' }]);
    expect((await viewer.request('GET', `${base()}/capabilities/${cap.id}`)).json).toMatchObject({ linkCount: 0, goals: [], initiatives: [] });

    await member.request('POST', `${base()}/goals/${goal.id}/restore`);
    expect((await member.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id })).status).toBe(201);
  });

  it('moves X under Z while Y moves under X at the same moment: both succeed, no deadlock', async () => {
    const x = await create(member, { name: 'Concurrent X' });
    const y = await create(member, { name: 'Concurrent Y' });
    const z = await create(member, { name: 'Concurrent Z' });
    // Hold the tree so both moves queue up, Y's first: it then needs a key-share lock on X's row
    // for its new parent, which a move of X holding its row while waiting for the tree would block (deadlock).
    const holder = await lockHolder(url);
    try {
      await holder.query(`select pg_advisory_xact_lock(hashtext('capability_tree'), hashtext($1))`, [wsId]);
      const moveY = member.request('PATCH', `${base()}/capabilities/${y.id}`, { parentId: x.id });
      await holder.waiters(1);
      const moveX = member.request('PATCH', `${base()}/capabilities/${x.id}`, { parentId: z.id });
      await holder.waiters(2);
      await holder.release();
      const [ry, rx] = await Promise.all([moveY, moveX]);
      expect([ry.status, rx.status]).toEqual([200, 200]);
      expect(ry.json).toMatchObject({ parentId: x.id });
      expect(rx.json).toMatchObject({ parentId: z.id });
    } finally {
      await holder.end();
    }
    expect((await viewer.request('GET', `${base()}/capabilities/${y.id}`)).json).toMatchObject({ parentId: x.id, depth: 2 });
  });

  it('gives one capability exactly as the tree (archived ones included) lists it', async () => {
    const root = await create(member, { name: 'Read one: root', currentMaturity: 1, targetMaturity: 3 });
    const mid = await create(member, { name: 'Read one: mid', parentId: root.id });
    const leafA = await create(member, { name: 'Read one: leaf A', parentId: mid.id, currentMaturity: 2, targetMaturity: 5 });
    await create(member, { name: 'Read one: leaf B', parentId: mid.id, currentMaturity: 4, targetMaturity: 4 });
    const gone = await create(member, { name: 'Read one: gone', parentId: mid.id, currentMaturity: 1, targetMaturity: 5 });
    const deep = await create(member, { name: 'Read one: deep', parentId: leafA.id, currentMaturity: 3, targetMaturity: 4 });
    await member.request('POST', `${base()}/capabilities/${gone.id}/archive`);
    const goal = (await member.request('POST', `${base()}/goals`, { title: 'Read one goal' })).json;
    await member.request('POST', `${base()}/capabilities/${mid.id}/links`, { goalId: goal.id });

    const listed = (await viewer.request('GET', `${base()}/capabilities?includeArchived=true`)).json.items;
    for (const c of [root, mid, leafA, gone, deep]) {
      const one = await viewer.request('GET', `${base()}/capabilities/${c.id}`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual(listed.find((l: any) => l.id === c.id));
    }
    // mid: leaf A rolls up its deep child (3 → 4, gap 1); leaf B 4 → 4; the archived one is left out.
    expect(listed.find((l: any) => l.id === mid.id).rollup).toEqual({ currentMaturity: 3.5, targetMaturity: 4, gap: 1, childCount: 2 });
  });

  it('lets viewers read but not change', async () => {
    const cap = await create(member, { name: 'Yard management' });
    expect((await viewer.request('GET', `${base()}/capabilities/${cap.id}`)).status).toBe(200);
    expect((await viewer.request('POST', `${base()}/capabilities`, { name: 'Nope' })).status).toBe(403);
    expect((await viewer.request('PATCH', `${base()}/capabilities/${cap.id}`, { name: 'Nope' })).status).toBe(403);
    expect((await viewer.request('POST', `${base()}/capabilities/${cap.id}/archive`)).status).toBe(403);
    const goal = (await member.request('POST', `${base()}/goals`, { title: 'Yard throughput' })).json;
    expect((await viewer.request('POST', `${base()}/capabilities/${cap.id}/links`, { goalId: goal.id })).status).toBe(403);
  });
});
