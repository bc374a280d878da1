import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { addMember, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

describe('GET …/audit-log', () => {
  let app: TestApp;
  let database: Database;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let ws: { id: string; slug: string };
  let base: string;
  let unitId: string;

  beforeAll(async () => {
    ({ app, database } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Audit Co' });
    owner = s.owner;
    ws = s.workspace;
    base = `/api/v1/workspaces/${ws.slug}/audit-log`;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
    const unit = await admin.request('POST', `/api/v1/workspaces/${ws.slug}/business-units`, { name: 'Operations' });
    unitId = unit.json.id;
    await admin.request('PATCH', `/api/v1/workspaces/${ws.slug}/business-units/${unitId}`, { description: 'Runs the place' });
    await owner.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { currency: 'USD' });
  });

  const get = async (who: Client, query = '') => who.request('GET', `${base}${query ? `?${query}` : ''}`);

  it('lists the workspace’s entries newest first, with the actor’s name', async () => {
    const res = await get(owner);
    expect(res.status).toBe(200);
    const items = res.json.items;
    expect(items[0]).toMatchObject({
      action: 'workspace.update', entityType: 'workspace', entityId: ws.id,
      actor: { userId: owner.userId, name: 'Olivia Owner', tokenId: null },
      before: expect.objectContaining({ currency: 'EUR' }), after: expect.objectContaining({ currency: 'USD' }),
      requestId: expect.any(String),
    });
    expect(items[0].id).toEqual(expect.any(String));
    const times = items.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.at(-1).action).toBe('workspace.create');
  });

  it('filters by entity type, entity id, actor, action prefix and time', async () => {
    const byType = (await get(owner, 'entityType=business_unit')).json.items;
    expect(byType.map((e: any) => e.action)).toEqual(['business_unit.update', 'business_unit.create']);
    const byEntity = (await get(owner, `entityId=${unitId}`)).json.items;
    expect(byEntity).toHaveLength(2);
    expect(byEntity[0]).toMatchObject({ before: { description: '' }, after: { description: 'Runs the place' } });
    const byActor = (await get(owner, `actorUserId=${admin.userId}`)).json.items;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e: any) => e.actor.userId === admin.userId)).toBe(true);
    expect(byActor.map((e: any) => e.action)).toContain('business_unit.create');
    const byPrefix = (await get(owner, 'action=business_unit.')).json.items;
    expect(byPrefix.map((e: any) => e.action)).toEqual(['business_unit.update', 'business_unit.create']);
    expect((await get(owner, 'action=business_unit.create')).json.items).toHaveLength(1);
    // LIKE wildcards in the filter are literal.
    expect((await get(owner, 'action=%25')).json.items).toEqual([]);
    expect((await get(owner, 'action=business_unit_')).json.items).toEqual([]);

    const all = (await get(owner, 'limit=200')).json.items;
    const pivot = all[1].at;
    const to = (await get(owner, `to=${encodeURIComponent(pivot)}&limit=200`)).json.items;
    expect(to.every((e: any) => Date.parse(e.at) < Date.parse(pivot))).toBe(true);
    const from = (await get(owner, `from=${encodeURIComponent(pivot)}&limit=200`)).json.items;
    expect(from.every((e: any) => Date.parse(e.at) >= Date.parse(pivot))).toBe(true);
    expect(to.length + from.length).toBe(all.length);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(owner, `from=${encodeURIComponent(future)}`)).json.items).toEqual([]);
  });

  it('pages on (time, id) without gaps or repeats', async () => {
    const all = (await get(owner, 'limit=200')).json.items.map((e: any) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await get(owner, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...res.json.items.map((e: any) => e.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('pages correctly through entries of one transaction (same time)', async () => {
    // One transaction writes several entries with the same `at`: the id breaks the tie.
    const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Same Instant' })).json;
    const path = `/api/v1/workspaces/${other.slug}/audit-log`;
    const all = (await owner.request('GET', path)).json.items;
    expect(all).toHaveLength(2);
    expect(all[0].at).toBe(all[1].at);
    const first = await owner.request('GET', `${path}?limit=1`);
    const second = await owner.request('GET', `${path}?limit=1&cursor=${first.json.nextCursor}`);
    expect([first.json.items[0].id, second.json.items[0].id]).toEqual(all.map((e: any) => e.id));
    expect(second.json.nextCursor).toBeNull();
  });

  it('shows only this workspace’s entries', async () => {
    const other = (await member.request('POST', '/api/v1/workspaces', { name: 'Members Own' })).json;
    const entries = (await get(owner, 'limit=200')).json.items;
    expect(entries.some((e: any) => e.entityId === other.id)).toBe(false);
    const rows = (await database.pool.query('select count(*)::int as n from audit_log where workspace_id = $1', [ws.id])).rows[0].n;
    expect(entries).toHaveLength(rows);
  });

  it('reports invalid filters with their paths', async () => {
    const res = await get(owner, 'actorUserId=bob&from=yesterday&limit=0');
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path).sort()).toEqual(['query.actorUserId', 'query.from', 'query.limit']);
    const order = await get(owner, 'from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z');
    expect(order.status).toBe(400);
    expect(order.json.errors).toEqual([{ path: 'query.to', message: 'must be after from' }]);
    const cursor = await get(owner, `cursor=${Buffer.from('["x", 1]').toString('base64url')}`);
    expect(cursor.status).toBe(400);
    expect(cursor.json.errors[0].path).toBe('query.cursor');
  });

  it('is for admins and owners (403 for members), 404 outside, 401 without a session', async () => {
    expect((await get(admin)).status).toBe(200);
    const res = await get(member);
    expect(res.status).toBe(403);
    expect(res.json.detail).toBe('Your role (member) does not allow this.');
    const other = (await member.request('POST', '/api/v1/workspaces', { name: 'Hidden Log' })).json;
    expect((await owner.request('GET', `/api/v1/workspaces/${other.slug}/audit-log`)).status).toBe(404);
    expect((await app.inject({ url: base })).statusCode).toBe(401);
  });
});
