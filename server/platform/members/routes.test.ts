import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

describe('members', () => {
  let app: TestApp;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let ws: { id: string; slug: string };
  let base: string;

  beforeAll(async () => {
    ({ app } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Members Co' });
    owner = s.owner;
    ws = s.workspace;
    base = `/api/v1/workspaces/${ws.slug}`;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
    viewer = await addMember(app, owner, ws.slug, 'viewer');
  });

  /** A fresh workspace of its own owner (created through the API), with one more person in it. */
  async function workspaceOf(creator: Client, name: string) {
    const res = await creator.request('POST', '/api/v1/workspaces', { name });
    expect(res.status).toBe(201);
    return res.json as { id: string; slug: string };
  }

  const auditOf = async (who: Client, slug: string, filter: string) =>
    (await who.request('GET', `/api/v1/workspaces/${slug}/audit-log?${filter}`)).json.items;

  describe('GET …/members', () => {
    it('lists every member by name with role and join time, to any member', async () => {
      const res = await viewer.request('GET', `${base}/members`);
      expect(res.status).toBe(200);
      expect(res.json.nextCursor).toBeNull();
      expect(res.json.items.map((m: any) => [m.name, m.role])).toEqual([
        ['admin person', 'admin'], ['member person', 'member'], ['Olivia Owner', 'owner'], ['viewer person', 'viewer'],
      ]);
      expect(res.json.items[0]).toEqual({
        userId: admin.userId, name: 'admin person', email: admin.email, role: 'admin', joinedAt: expect.any(String),
      });
    });

    it('pages with ?limit and ?cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await owner.request('GET', `${base}/members?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.json.items).toHaveLength(1);
        seen.push(res.json.items[0].userId);
        cursor = res.json.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(4);
      expect(new Set(seen).size).toBe(4);
    });

    it('refuses a bad limit or cursor with the field path', async () => {
      const limit = await owner.request('GET', `${base}/members?limit=500`);
      expect(limit.status).toBe(400);
      // Schema errors name fastify's validation context ('querystring'); see errors.ts.
      expect(limit.json.errors[0].path).toBe('query.limit');
      const cursor = await owner.request('GET', `${base}/members?cursor=not-ours`);
      expect(cursor.status).toBe(400);
      expect(cursor.json.errors).toEqual([{ path: 'query.cursor', message: 'is not a cursor this list gave out' }]);
    });

    it('gives 404 to a non-member and 401 without a session', async () => {
      const other = await workspaceOf(member, 'Member Private');
      expect((await owner.request('GET', `/api/v1/workspaces/${other.slug}/members`)).status).toBe(404);
      expect((await app.inject({ url: `${base}/members` })).statusCode).toBe(401);
    });
  });

  describe('PATCH …/members/:userId', () => {
    it('lets an admin change a role, with before and after in the audit log', async () => {
      const p = await addMember(app, owner, ws.slug, 'member');
      const res = await admin.request('PATCH', `${base}/members/${p.userId}`, { role: 'viewer' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ userId: p.userId, role: 'viewer' });
      const [entry] = await auditOf(owner, ws.slug, `action=member.update&entityId=${p.userId}`);
      expect(entry).toMatchObject({
        actor: { userId: admin.userId, name: 'admin person' },
        before: { userId: p.userId, role: 'member' }, after: { userId: p.userId, role: 'viewer' },
      });
    });

    it('keeps the owner role for owners to give and take', async () => {
      const grant = await admin.request('PATCH', `${base}/members/${member.userId}`, { role: 'owner' });
      expect(grant.status).toBe(403);
      expect(grant.json.detail).toBe('Only an owner can grant or take away the owner role.');
      const demote = await admin.request('PATCH', `${base}/members/${owner.userId}`, { role: 'admin' });
      expect(demote.status).toBe(403);
      const self = await admin.request('PATCH', `${base}/members/${admin.userId}`, { role: 'owner' });
      expect(self.status).toBe(403);
    });

    it('never demotes the last owner, but does once there is another', async () => {
      const other = await workspaceOf(owner, 'Two Owners');
      const path = `/api/v1/workspaces/${other.slug}`;
      const last = await owner.request('PATCH', `${path}/members/${owner.userId}`, { role: 'admin' });
      expect(last.status).toBe(409);
      expect(last.json.detail).toBe('Olivia Owner is the last owner. A workspace needs at least one owner: make someone else an owner first.');
      const second = await addMember(app, owner, other.slug, 'admin');
      const promoted = await owner.request('PATCH', `${path}/members/${second.userId}`, { role: 'owner' });
      expect(promoted.status).toBe(200);
      const demoted = await second.request('PATCH', `${path}/members/${owner.userId}`, { role: 'member' });
      expect(demoted.status).toBe(200);
      expect(demoted.json.role).toBe('member');
      const lastAgain = await second.request('PATCH', `${path}/members/${second.userId}`, { role: 'admin' });
      expect(lastAgain.status).toBe(409);
    });

    it('lets only one of two owners demoting each other at once succeed', async () => {
      const other = await workspaceOf(owner, 'Race Co');
      const path = `/api/v1/workspaces/${other.slug}`;
      const second = await addMember(app, owner, other.slug, 'owner');
      const [a, b] = await Promise.all([
        owner.request('PATCH', `${path}/members/${second.userId}`, { role: 'admin' }),
        second.request('PATCH', `${path}/members/${owner.userId}`, { role: 'admin' }),
      ]);
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      const members = (await owner.request('GET', `${path}/members`)).json.items;
      const owners = members.filter((m: any) => m.role === 'owner');
      // The loser's request either hit the last-owner rule (409) or lost its own owner role first (403).
      expect(owners).toHaveLength(1);
      expect([a.status, b.status].filter((s) => s !== 200)[0]).toBeOneOf([403, 409]);
    });

    it('refuses a bad role or user id with the field path', async () => {
      const role = await owner.request('PATCH', `${base}/members/${member.userId}`, { role: 'king' });
      expect(role.status).toBe(400);
      expect(role.json.errors[0].path).toBe('body.role');
      const id = await owner.request('PATCH', `${base}/members/not-a-uuid`, { role: 'viewer' });
      expect(id.status).toBe(400);
      expect(id.json.errors[0].path).toBe('params.userId');
    });

    it('refuses a member (403), hides non-members (404), needs a session (401)', async () => {
      expect((await member.request('PATCH', `${base}/members/${viewer.userId}`, { role: 'member' })).status).toBe(403);
      const stranger = await workspaceOf(viewer, 'Viewer Own');
      const res = await owner.request('PATCH', `${base}/members/${stranger.id}`, { role: 'member' });
      expect(res.status).toBe(404);
      // A person of another workspace only: not found here either.
      const elsewhere = await addMember(app, viewer, stranger.slug, 'member');
      const cross = await owner.request('PATCH', `${base}/members/${elsewhere.userId}`, { role: 'admin' });
      expect(cross.status).toBe(404);
      expect(cross.json.detail).toBe('Member not found.');
      expect((await owner.request('PATCH', `/api/v1/workspaces/${stranger.slug}/members/${viewer.userId}`, { role: 'member' })).status).toBe(404);
      const anon = await app.inject({
        method: 'PATCH', url: `${base}/members/${viewer.userId}`, headers: { origin: ORIGIN }, payload: { role: 'member' },
      });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('DELETE …/members/:userId', () => {
    it('removes a member, who then cannot see the workspace; audited', async () => {
      const gone = await addMember(app, owner, ws.slug, 'member');
      const res = await admin.request('DELETE', `${base}/members/${gone.userId}`);
      expect(res.status).toBe(204);
      expect((await gone.request('GET', base)).status).toBe(404);
      const [entry] = await auditOf(owner, ws.slug, `action=member.remove&entityId=${gone.userId}`);
      expect(entry).toMatchObject({ before: { userId: gone.userId, role: 'member' }, after: null });
      expect((await admin.request('DELETE', `${base}/members/${gone.userId}`)).status).toBe(404);
    });

    it('lets only owners remove owners, and never the last one', async () => {
      const other = await workspaceOf(owner, 'Removal Co');
      const path = `/api/v1/workspaces/${other.slug}`;
      const adm = await addMember(app, owner, other.slug, 'admin');
      const byAdmin = await adm.request('DELETE', `${path}/members/${owner.userId}`);
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.json.detail).toBe('Only an owner can remove an owner.');
      const last = await owner.request('DELETE', `${path}/members/${owner.userId}`);
      expect(last.status).toBe(409);
      expect(last.json.detail).toContain('is the last owner');
      const co = await addMember(app, owner, other.slug, 'owner');
      expect((await co.request('DELETE', `${path}/members/${owner.userId}`)).status).toBe(204);
      expect((await owner.request('GET', path)).status).toBe(404);
    });

    it('refuses a member (403), hides other workspaces (404), needs a session (401)', async () => {
      expect((await member.request('DELETE', `${base}/members/${viewer.userId}`)).status).toBe(403);
      const stranger = await workspaceOf(viewer, 'Viewer Second');
      expect((await owner.request('DELETE', `/api/v1/workspaces/${stranger.slug}/members/${viewer.userId}`)).status).toBe(404);
      const elsewhere = await addMember(app, viewer, stranger.slug, 'member');
      expect((await owner.request('DELETE', `${base}/members/${elsewhere.userId}`)).status).toBe(404);
      expect((await viewer.request('GET', `/api/v1/workspaces/${stranger.slug}/members`)).json.items).toHaveLength(2);
      const anon = await app.inject({ method: 'DELETE', url: `${base}/members/${viewer.userId}`, headers: { origin: ORIGIN } });
      expect(anon.statusCode).toBe(401);
      expect((await owner.request('DELETE', `${base}/members/123`)).status).toBe(400);
    });
  });

  describe('POST …/leave', () => {
    it('lets any member leave; audited', async () => {
      const leaver = await addMember(app, owner, ws.slug, 'viewer');
      const res = await leaver.request('POST', `${base}/leave`);
      expect(res.status).toBe(204);
      expect((await leaver.request('GET', '/api/v1/me')).json.workspaces).toEqual([]);
      const [entry] = await auditOf(owner, ws.slug, `action=member.leave`);
      expect(entry).toMatchObject({ entityId: leaver.userId, actor: { userId: leaver.userId }, before: { role: 'viewer' } });
    });

    it('keeps the last owner in, lets an owner go once there is another', async () => {
      const other = await workspaceOf(owner, 'Leave Co');
      const path = `/api/v1/workspaces/${other.slug}`;
      const last = await owner.request('POST', `${path}/leave`);
      expect(last.status).toBe(409);
      expect(last.json.detail).toBe('You are the last owner. A workspace needs at least one owner: make someone else an owner first.');
      await addMember(app, owner, other.slug, 'owner');
      expect((await owner.request('POST', `${path}/leave`)).status).toBe(204);
    });

    it('gives 404 to a non-member and 401 without a session', async () => {
      const other = await workspaceOf(member, 'Not Leavable');
      expect((await owner.request('POST', `/api/v1/workspaces/${other.slug}/leave`)).status).toBe(404);
      expect((await app.inject({ method: 'POST', url: `${base}/leave`, headers: { origin: ORIGIN } })).statusCode).toBe(401);
    });
  });
});

describe('removing a member who holds business-unit roles', () => {
  it('clears them as head, liaison and sponsor, audited', async () => {
    const { app } = await testApp();
    const { owner, workspace } = await setupOwner(app);
    const liaison = await addMember(app, owner, workspace.slug, 'member', 'liaison');
    const base = `/api/v1/workspaces/${workspace.slug}`;
    const unit = await owner.request('POST', `${base}/business-units`, { name: 'Finance', liaisonUserId: liaison.userId, headUserId: owner.userId });
    expect((await owner.request('DELETE', `${base}/members/${liaison.userId}`)).status).toBe(204);
    const after = await owner.request('GET', `${base}/business-units/${unit.json.id}`);
    expect(after.json).toMatchObject({ liaisonUserId: null, headUserId: owner.userId });
    const audit = await owner.request('GET', `${base}/audit-log?entityId=${unit.json.id}&action=business_unit.update`);
    expect(audit.json.items[0].before.liaisonUserId).toBe(liaison.userId);
  });
});
