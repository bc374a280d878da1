import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

const paths = (json: any) => json.errors.map((e: { path: string }) => e.path).sort();

describe('workspaces', () => {
  let app: TestApp;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let ws: { id: string; slug: string };

  beforeAll(async () => {
    ({ app } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Acme Test' });
    owner = s.owner;
    ws = s.workspace;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
  });

  const auditOf = async (filter: string) => (await owner.request('GET', `/api/v1/workspaces/${ws.slug}/audit-log?${filter}`)).json.items;

  describe('POST /workspaces', () => {
    it('creates a workspace with the caller as owner and records it', async () => {
      const res = await member.request('POST', '/api/v1/workspaces', { name: 'Side Project' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ name: 'Side Project', slug: 'side-project', currency: 'EUR', role: 'owner', archivedAt: null });
      const me = await member.request('GET', '/api/v1/me');
      expect(me.json.workspaces.map((w: any) => [w.slug, w.role])).toContainEqual(['side-project', 'owner']);
      const audit = await member.request('GET', '/api/v1/workspaces/side-project/audit-log');
      expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['member.add', 'workspace.create']);
      expect(audit.json.items.find((e: any) => e.action === 'workspace.create').after).toMatchObject({ name: 'Side Project' });
    });

    it('takes a slug and currency, and refuses a slug that is taken', async () => {
      const res = await owner.request('POST', '/api/v1/workspaces', { name: 'Finance', slug: 'Fin-Ops', currency: 'USD' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ slug: 'fin-ops', currency: 'USD' });
      const again = await admin.request('POST', '/api/v1/workspaces', { name: 'Other', slug: 'fin-ops' });
      expect(again.status).toBe(409);
      expect(again.json.detail).toBe('The address "fin-ops" is taken.');
    });

    it('reports invalid fields with their paths', async () => {
      const res = await owner.request('POST', '/api/v1/workspaces', { name: ' ', slug: '-bad-', currency: 'euro' });
      expect(res.status).toBe(400);
      expect(paths(res.json)).toEqual(['body.currency', 'body.name', 'body.slug']);
      const idLike = await owner.request('POST', '/api/v1/workspaces', { name: 'X', slug: '6f1c2d3e-1111-4222-8333-944455556666' });
      expect(idLike.status).toBe(400);
      expect(idLike.json.errors).toEqual([{ path: 'body.slug', message: 'must not look like an id' }]);
    });

    it('needs a signed-in caller', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: { origin: ORIGIN }, payload: { name: 'Nope' } });
      expect(res.statusCode).toBe(401);
    });
  });

  describe('GET /workspaces/:ws', () => {
    it('reads by slug or id with the caller’s role', async () => {
      const bySlug = await member.request('GET', `/api/v1/workspaces/${ws.slug}`);
      expect(bySlug.status).toBe(200);
      expect(bySlug.json).toMatchObject({ id: ws.id, slug: ws.slug, name: 'Acme Test', role: 'member' });
      const byId = await admin.request('GET', `/api/v1/workspaces/${ws.id}`);
      expect(byId.json).toMatchObject({ slug: ws.slug, role: 'admin' });
    });

    it('hides workspaces the caller does not belong to', async () => {
      const other = await member.request('POST', '/api/v1/workspaces', { name: 'Private' });
      expect((await owner.request('GET', `/api/v1/workspaces/${other.json.slug}`)).status).toBe(404);
      expect((await owner.request('GET', `/api/v1/workspaces/${other.json.id}`)).status).toBe(404);
      const unknown = await owner.request('GET', '/api/v1/workspaces/no-such-place');
      expect(unknown.status).toBe(404);
      expect(unknown.json.detail).toBe('Workspace not found.');
    });

    it('needs a signed-in caller', async () => {
      expect((await app.inject({ url: `/api/v1/workspaces/${ws.slug}` })).statusCode).toBe(401);
    });
  });

  describe('PATCH /workspaces/:ws', () => {
    it('renames and changes currency and slug, with before and after in the audit log', async () => {
      const created = await owner.request('POST', '/api/v1/workspaces', { name: 'Renamable' });
      const res = await owner.request('PATCH', `/api/v1/workspaces/${created.json.slug}`, { name: 'Renamed', slug: 'renamed', currency: 'GBP' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: created.json.id, name: 'Renamed', slug: 'renamed', currency: 'GBP', role: 'owner' });
      expect((await owner.request('GET', '/api/v1/workspaces/renamable')).status).toBe(404);
      const audit = await owner.request('GET', '/api/v1/workspaces/renamed/audit-log?action=workspace.update');
      expect(audit.json.items).toHaveLength(1);
      expect(audit.json.items[0].before).toMatchObject({ name: 'Renamable', slug: 'renamable', currency: 'EUR' });
      expect(audit.json.items[0].after).toMatchObject({ name: 'Renamed', slug: 'renamed', currency: 'GBP' });
    });

    it('lets an admin change it, refuses a member', async () => {
      const ok = await admin.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { currency: 'CHF' });
      expect(ok.status).toBe(200);
      expect(ok.json.currency).toBe('CHF');
      const res = await member.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { name: 'Mine now' });
      expect(res.status).toBe(403);
      expect((await owner.request('GET', `/api/v1/workspaces/${ws.slug}`)).json.name).toBe('Acme Test');
    });

    it('refuses a slug another workspace has', async () => {
      await owner.request('POST', '/api/v1/workspaces', { name: 'Taken One', slug: 'taken-one' });
      const res = await admin.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { slug: 'taken-one' });
      expect(res.status).toBe(409);
      expect(res.json.detail).toBe('The address "taken-one" is taken.');
    });

    it('records nothing when nothing changes', async () => {
      const before = (await auditOf('action=workspace.update')).length;
      const res = await owner.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { name: 'Acme Test' });
      expect(res.status).toBe(200);
      expect(await auditOf('action=workspace.update')).toHaveLength(before);
    });

    it('reports invalid fields with their paths', async () => {
      const res = await owner.request('PATCH', `/api/v1/workspaces/${ws.slug}`, { name: '', currency: 'eur', slug: 'A B' });
      expect(res.status).toBe(400);
      expect(paths(res.json)).toEqual(['body.currency', 'body.name', 'body.slug']);
    });

    it('gives 404 to a non-member and 401 without a session', async () => {
      const other = await member.request('POST', '/api/v1/workspaces', { name: 'Not Yours' });
      expect((await owner.request('PATCH', `/api/v1/workspaces/${other.json.slug}`, { name: 'Hijack' })).status).toBe(404);
      const anon = await app.inject({ method: 'PATCH', url: `/api/v1/workspaces/${ws.slug}`, headers: { origin: ORIGIN }, payload: { name: 'x' } });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('archive and restore', () => {
    it('is for owners only', async () => {
      const res = await admin.request('POST', `/api/v1/workspaces/${ws.slug}/archive`);
      expect(res.status).toBe(403);
      expect(res.json.detail).toBe('Your role (admin) does not allow this.');
      expect((await member.request('POST', `/api/v1/workspaces/${ws.slug}/restore`)).status).toBe(403);
    });

    it('archives: readable, no more changes; restores; both audited', async () => {
      const created = await owner.request('POST', '/api/v1/workspaces', { name: 'Archivable' });
      const slug = created.json.slug;
      const archived = await owner.request('POST', `/api/v1/workspaces/${slug}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.json.archivedAt).not.toBeNull();
      expect((await owner.request('GET', `/api/v1/workspaces/${slug}`)).json.archivedAt).not.toBeNull();
      const write = await owner.request('PATCH', `/api/v1/workspaces/${slug}`, { name: 'Changed' });
      expect(write.status).toBe(409);
      expect(write.json.detail).toBe('This workspace is archived; restore it to make changes.');
      const twice = await owner.request('POST', `/api/v1/workspaces/${slug}/archive`);
      expect(twice.status).toBe(409);
      expect(twice.json.detail).toBe('This workspace is already archived.');
      const restored = await owner.request('POST', `/api/v1/workspaces/${slug}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.json.archivedAt).toBeNull();
      expect((await owner.request('POST', `/api/v1/workspaces/${slug}/restore`)).status).toBe(409);
      const audit = await owner.request('GET', `/api/v1/workspaces/${slug}/audit-log?entityType=workspace`);
      const [restore, archive] = audit.json.items;
      expect(restore).toMatchObject({ action: 'workspace.restore', after: { archivedAt: null } });
      expect(restore.before.archivedAt).not.toBeNull();
      expect(archive).toMatchObject({ action: 'workspace.archive', before: { archivedAt: null } });
      expect(archive.after.archivedAt).not.toBeNull();
    });

    it('gives 404 to a non-member and 401 without a session', async () => {
      const other = await member.request('POST', '/api/v1/workspaces', { name: 'Keep Out' });
      expect((await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/archive`)).status).toBe(404);
      const anon = await app.inject({ method: 'POST', url: `/api/v1/workspaces/${ws.slug}/archive`, headers: { origin: ORIGIN } });
      expect(anon.statusCode).toBe(401);
    });
  });
});
