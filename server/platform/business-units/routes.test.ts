import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

const paths = (json: any) => json.errors.map((e: { path: string }) => e.path).sort();

describe('business units', () => {
  let app: TestApp;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let ws: { id: string; slug: string };
  let base: string;
  let otherWs: { id: string; slug: string };
  let outsider: Client;

  beforeAll(async () => {
    ({ app } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Units Co' });
    owner = s.owner;
    ws = s.workspace;
    base = `/api/v1/workspaces/${ws.slug}/business-units`;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
    viewer = await addMember(app, owner, ws.slug, 'viewer');
    // A second workspace with a person who is not in the first.
    otherWs = (await member.request('POST', '/api/v1/workspaces', { name: 'Other Co' })).json;
    outsider = await addMember(app, member, otherWs.slug, 'admin');
  });

  const create = async (who: Client, body: object, path = base) => {
    const res = await who.request('POST', path, body);
    expect(res.status).toBe(201);
    return res.json;
  };
  const auditOf = async (filter: string) => (await owner.request('GET', `/api/v1/workspaces/${ws.slug}/audit-log?${filter}`)).json.items;

  describe('POST', () => {
    it('creates a unit with its people; audited', async () => {
      const res = await admin.request('POST', base, {
        name: 'Logistics', description: 'Warehouses and fleet', headUserId: member.userId, liaisonUserId: admin.userId, sponsorUserId: owner.userId,
      });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        name: 'Logistics', description: 'Warehouses and fleet', headUserId: member.userId, liaisonUserId: admin.userId,
        sponsorUserId: owner.userId, archivedAt: null,
      });
      const [entry] = await auditOf(`action=business_unit.create&entityId=${res.json.id}`);
      expect(entry).toMatchObject({ entityType: 'business_unit', actor: { userId: admin.userId }, before: null, after: { name: 'Logistics' } });
      const minimal = await create(owner, { name: 'Sales' });
      expect(minimal).toMatchObject({ description: '', headUserId: null, liaisonUserId: null, sponsorUserId: null });
    });

    it('names every person who is not a member of this workspace', async () => {
      const res = await admin.request('POST', base, { name: 'Finance', headUserId: outsider.userId, liaisonUserId: '6f1c2d3e-1111-4222-8333-944455556666', sponsorUserId: owner.userId });
      expect(res.status).toBe(400);
      expect(res.json.errors).toEqual([
        { path: 'body.headUserId', message: 'is not a member of this workspace' },
        { path: 'body.liaisonUserId', message: 'is not a member of this workspace' },
      ]);
      expect((await owner.request('GET', `${base}?includeArchived=true`)).json.items.map((u: any) => u.name)).not.toContain('Finance');
    });

    it('refuses a duplicate name, whatever its case', async () => {
      await create(owner, { name: 'Marketing' });
      const res = await admin.request('POST', base, { name: 'MARKETING' });
      expect(res.status).toBe(409);
      expect(res.json.detail).toBe('A business unit named "MARKETING" already exists.');
      // The same name in another workspace is fine.
      await create(member, { name: 'Marketing' }, `/api/v1/workspaces/${otherWs.slug}/business-units`);
    });

    it('reports invalid fields with their paths', async () => {
      const res = await owner.request('POST', base, { name: '  ', description: 5, headUserId: 'nobody' });
      expect(res.status).toBe(400);
      expect(paths(res.json)).toEqual(['body.description', 'body.headUserId', 'body.name']);
    });

    it('refuses members and viewers (403), hides other workspaces (404), needs a session (401)', async () => {
      expect((await member.request('POST', base, { name: 'Shadow IT' })).status).toBe(403);
      expect((await viewer.request('POST', base, { name: 'Shadow IT' })).status).toBe(403);
      expect((await owner.request('POST', `/api/v1/workspaces/${otherWs.slug}/business-units`, { name: 'X' })).status).toBe(404);
      const anon = await app.inject({ method: 'POST', url: base, headers: { origin: ORIGIN }, payload: { name: 'X' } });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('GET', () => {
    it('reads one unit; another workspace’s unit is not found', async () => {
      const unit = await create(owner, { name: 'Customer Service' });
      const res = await viewer.request('GET', `${base}/${unit.id}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual(unit);
      const foreign = await create(member, { name: 'Foreign Unit' }, `/api/v1/workspaces/${otherWs.slug}/business-units`);
      const cross = await owner.request('GET', `${base}/${foreign.id}`);
      expect(cross.status).toBe(404);
      expect(cross.json.detail).toBe('Business unit not found.');
      expect((await owner.request('GET', `/api/v1/workspaces/${otherWs.slug}/business-units/${foreign.id}`)).status).toBe(404);
      expect((await owner.request('GET', `${base}/not-an-id`)).json.errors[0].path).toBe('params.unitId');
      expect((await app.inject({ url: `${base}/${unit.id}` })).statusCode).toBe(401);
    });

    it('lists by name, archived ones only when asked, in pages', async () => {
      const hidden = await create(owner, { name: 'Zz Archived Unit' });
      await owner.request('POST', `${base}/${hidden.id}/archive`);
      const active = await viewer.request('GET', base);
      expect(active.status).toBe(200);
      const names = active.json.items.map((u: any) => u.name);
      expect(names).not.toContain('Zz Archived Unit');
      expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
      const all = await viewer.request('GET', `${base}?includeArchived=true`);
      expect(all.json.items.map((u: any) => u.name)).toContain('Zz Archived Unit');
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await viewer.request('GET', `${base}?includeArchived=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.json.items.length).toBeLessThanOrEqual(2);
        paged.push(...res.json.items.map((u: any) => u.name));
        cursor = res.json.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.json.items.map((u: any) => u.name));
      const bad = await viewer.request('GET', `${base}?includeArchived=maybe`);
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].path).toBe('query.includeArchived');
      expect((await owner.request('GET', `/api/v1/workspaces/${otherWs.slug}/business-units`)).status).toBe(404);
      expect((await app.inject({ url: base })).statusCode).toBe(401);
    });
  });

  describe('PATCH', () => {
    it('changes the given fields, with before and after in the audit log', async () => {
      const unit = await create(owner, { name: 'Procurement', headUserId: member.userId });
      const res = await admin.request('PATCH', `${base}/${unit.id}`, { name: 'Purchasing', liaisonUserId: admin.userId, headUserId: null });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ name: 'Purchasing', liaisonUserId: admin.userId, headUserId: null, description: '' });
      const [entry] = await auditOf(`action=business_unit.update&entityId=${unit.id}`);
      expect(entry.before).toMatchObject({ name: 'Procurement', headUserId: member.userId, liaisonUserId: null });
      expect(entry.after).toMatchObject({ name: 'Purchasing', headUserId: null, liaisonUserId: admin.userId });
    });

    it('checks people and names like creation does', async () => {
      const unit = await create(owner, { name: 'Legal' });
      await create(owner, { name: 'Compliance' });
      const person = await admin.request('PATCH', `${base}/${unit.id}`, { sponsorUserId: outsider.userId });
      expect(person.status).toBe(400);
      expect(person.json.errors).toEqual([{ path: 'body.sponsorUserId', message: 'is not a member of this workspace' }]);
      const dup = await admin.request('PATCH', `${base}/${unit.id}`, { name: 'compliance' });
      expect(dup.status).toBe(409);
      const sameName = await admin.request('PATCH', `${base}/${unit.id}`, { name: 'LEGAL' });
      expect(sameName.status).toBe(200);
      expect(sameName.json.name).toBe('LEGAL');
      const bad = await admin.request('PATCH', `${base}/${unit.id}`, { name: '', liaisonUserId: 7 });
      expect(bad.status).toBe(400);
      expect(paths(bad.json)).toEqual(['body.liaisonUserId', 'body.name']);
    });

    it('refuses a member (403), another workspace’s unit (404), no session (401)', async () => {
      const unit = await create(owner, { name: 'Research' });
      expect((await member.request('PATCH', `${base}/${unit.id}`, { name: 'Mine' })).status).toBe(403);
      const foreign = await create(member, { name: 'Their Research' }, `/api/v1/workspaces/${otherWs.slug}/business-units`);
      expect((await owner.request('PATCH', `${base}/${foreign.id}`, { name: 'Stolen' })).status).toBe(404);
      const anon = await app.inject({ method: 'PATCH', url: `${base}/${unit.id}`, headers: { origin: ORIGIN }, payload: { name: 'x' } });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('archive and restore', () => {
    it('archives (read-only) and restores; audited; not twice', async () => {
      const unit = await create(owner, { name: 'Facilities' });
      const archived = await admin.request('POST', `${base}/${unit.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.json.archivedAt).not.toBeNull();
      const edit = await admin.request('PATCH', `${base}/${unit.id}`, { description: 'x' });
      expect(edit.status).toBe(409);
      expect(edit.json.detail).toBe('This business unit is archived; restore it to make changes.');
      expect((await admin.request('POST', `${base}/${unit.id}/archive`)).status).toBe(409);
      const dup = await admin.request('POST', base, { name: 'facilities' });
      expect(dup.status).toBe(409);
      expect(dup.json.detail).toBe('A business unit named "facilities" already exists (archived: restore it instead).');
      const restored = await admin.request('POST', `${base}/${unit.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.json.archivedAt).toBeNull();
      expect((await admin.request('POST', `${base}/${unit.id}/restore`)).status).toBe(409);
      const entries = await auditOf(`entityId=${unit.id}&action=business_unit.`);
      expect(entries.map((e: any) => e.action)).toEqual(['business_unit.restore', 'business_unit.archive', 'business_unit.create']);
      expect(entries[1].before.archivedAt).toBeNull();
      expect(entries[1].after.archivedAt).not.toBeNull();
    });

    it('refuses a member (403), another workspace’s unit (404), no session (401)', async () => {
      const unit = await create(owner, { name: 'Security' });
      expect((await member.request('POST', `${base}/${unit.id}/archive`)).status).toBe(403);
      const foreign = await create(member, { name: 'Their Security' }, `/api/v1/workspaces/${otherWs.slug}/business-units`);
      expect((await owner.request('POST', `${base}/${foreign.id}/archive`)).status).toBe(404);
      expect((await owner.request('POST', `${base}/${foreign.id}/restore`)).status).toBe(404);
      const anon = await app.inject({ method: 'POST', url: `${base}/${unit.id}/archive`, headers: { origin: ORIGIN } });
      expect(anon.statusCode).toBe(401);
    });
  });
});
