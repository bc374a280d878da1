import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { addMember, ORIGIN, setupOwner, signIn, testApp, type Client, type TestApp } from '../../test/harness';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (url: string) => url.split('/').pop()!;
const paths = (json: any) => json.errors.map((e: { path: string }) => e.path).sort();

describe('invitations', () => {
  let app: TestApp;
  let database: Database;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let ws: { id: string; slug: string };
  let base: string;

  beforeAll(async () => {
    ({ app, database } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Invite Co' });
    owner = s.owner;
    ws = s.workspace;
    base = `/api/v1/workspaces/${ws.slug}`;
    admin = await addMember(app, owner, ws.slug, 'admin');
    member = await addMember(app, owner, ws.slug, 'member');
  });

  const anon = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { origin: ORIGIN }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const invite = async (who: Client, body: object, slug = ws.slug) => {
    const res = await who.request('POST', `/api/v1/workspaces/${slug}/invitations`, body);
    expect(res.status).toBe(201);
    return res.json as { id: string; url: string; email: string | null; role: string };
  };
  const newAccount = (name: string) => ({ name, email: `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`, password: 'correct horse battery' });
  const auditOf = async (filter: string) => (await owner.request('GET', `${base}/audit-log?${filter}`)).json.items;

  describe('POST …/invitations', () => {
    it('returns the link once and stores only its hash; audited', async () => {
      const res = await admin.request('POST', `${base}/invitations`, { email: 'New.Person@Example.com', role: 'member' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ email: 'new.person@example.com', role: 'member', acceptedAt: null, revokedAt: null, emailSent: false });
      expect(res.json.url).toMatch(new RegExp(`^${ORIGIN}/invite/[A-Za-z0-9_-]{43}$`));
      const expires = Date.parse(res.json.expiresAt) - Date.parse(res.json.createdAt);
      expect(Math.round(expires / 86_400_000)).toBe(7);
      const token = tokenOf(res.json.url);
      const row = (await database.pool.query('select token_hash, created_by from invitations where id = $1', [res.json.id])).rows[0];
      expect(row.token_hash).not.toBe(token);
      expect(row.token_hash).toBe(sha256(token));
      expect(row.created_by).toBe(admin.userId);
      const list = await admin.request('GET', `${base}/invitations`);
      const listed = list.json.items.find((i: any) => i.id === res.json.id);
      expect(listed).toBeDefined();
      expect(listed.url).toBeUndefined();
      expect(JSON.stringify(list.json)).not.toContain(token);
      const [entry] = await auditOf(`action=invitation.create&entityId=${res.json.id}`);
      expect(entry).toMatchObject({ entityType: 'invitation', before: null, after: { id: res.json.id, role: 'member' } });
      expect(JSON.stringify(entry)).not.toContain(token);
    });

    it('lets only owners invite owners', async () => {
      const res = await admin.request('POST', `${base}/invitations`, { role: 'owner' });
      expect(res.status).toBe(403);
      expect(res.json.detail).toBe('Only an owner can invite an owner.');
      expect((await owner.request('POST', `${base}/invitations`, { role: 'owner' })).status).toBe(201);
    });

    it('refuses to invite someone who is already a member', async () => {
      const res = await owner.request('POST', `${base}/invitations`, { email: member.email.toUpperCase(), role: 'admin' });
      expect(res.status).toBe(409);
      expect(res.json.detail).toBe(`${member.email} is already a member of this workspace.`);
    });

    it('reports invalid fields with their paths', async () => {
      const res = await owner.request('POST', `${base}/invitations`, { email: 'not-an-email', role: 'emperor' });
      expect(res.status).toBe(400);
      expect(paths(res.json)).toEqual(['body.email', 'body.role']);
    });

    it('refuses a member (403), hides other workspaces (404), needs a session (401)', async () => {
      expect((await member.request('POST', `${base}/invitations`, { role: 'viewer' })).status).toBe(403);
      expect((await member.request('GET', `${base}/invitations`)).status).toBe(403);
      const other = (await member.request('POST', '/api/v1/workspaces', { name: 'Member Own' })).json;
      expect((await owner.request('POST', `/api/v1/workspaces/${other.slug}/invitations`, { role: 'viewer' })).status).toBe(404);
      expect((await owner.request('GET', `/api/v1/workspaces/${other.slug}/invitations`)).status).toBe(404);
      expect((await anon('POST', `${base}/invitations`, { role: 'viewer' })).statusCode).toBe(401);
      expect((await anon('GET', `${base}/invitations`)).statusCode).toBe(401);
    });
  });

  describe('GET …/invitations', () => {
    it('lists newest first and pages without gaps', async () => {
      const a = await invite(owner, { role: 'viewer' });
      const b = await invite(owner, { role: 'viewer' });
      const first = await owner.request('GET', `${base}/invitations?limit=1`);
      expect(first.json.items[0].id).toBe(b.id);
      const second = await owner.request('GET', `${base}/invitations?limit=1&cursor=${first.json.nextCursor}`);
      expect(second.json.items[0].id).toBe(a.id);
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await owner.request('GET', `${base}/invitations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...res.json.items.map((i: any) => i.id));
        cursor = res.json.nextCursor;
      } while (cursor);
      const total = (await database.pool.query('select count(*)::int as n from invitations where workspace_id = $1', [ws.id])).rows[0].n;
      expect(all).toHaveLength(total);
      expect(new Set(all).size).toBe(total);
    });
  });

  describe('GET /invitations/:token', () => {
    it('shows what the link offers, to anyone', async () => {
      const inv = await invite(admin, { email: 'preview@example.com', role: 'viewer' });
      const res = await app.inject({ url: `/api/v1/invitations/${tokenOf(inv.url)}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ workspaceName: 'Invite Co', role: 'viewer', email: 'preview@example.com', invitedBy: 'admin person' });
    });

    it('says an unknown link is not valid', async () => {
      const res = await app.inject({ url: '/api/v1/invitations/made-up-token' });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('This invitation link is not valid. Ask for a new one.');
    });

    it('says an expired invitation has expired, and it cannot be accepted', async () => {
      const inv = await invite(owner, { role: 'member' });
      await database.pool.query("update invitations set expires_at = now() - interval '1 second' where id = $1", [inv.id]);
      const res = await app.inject({ url: `/api/v1/invitations/${tokenOf(inv.url)}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('This invitation has expired. Ask for a new one.');
      const accept = await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, newAccount('late'));
      expect(accept.statusCode).toBe(404);
      expect(accept.json().detail).toBe('This invitation has expired. Ask for a new one.');
    });
  });

  describe('POST /invitations/:token/accept', () => {
    it('creates an account, joins it and signs it in; audited', async () => {
      const inv = await invite(admin, { role: 'member' });
      const who = newAccount('newbie');
      const res = await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, who);
      expect(res.statusCode).toBe(200);
      const me = res.json();
      expect(me.user).toMatchObject({ name: 'newbie', email: who.email });
      expect(me.workspaces).toEqual([expect.objectContaining({ id: ws.id, role: 'member' })]);
      expect(me.sessionId).toEqual(expect.any(String));
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const again = await app.inject({ url: '/api/v1/me', headers: { cookie } });
      expect(again.json().user.id).toBe(me.user.id);
      const listed = (await owner.request('GET', `${base}/invitations`)).json.items.find((i: any) => i.id === inv.id);
      expect(listed.acceptedAt).not.toBeNull();
      const [accepted] = await auditOf(`action=invitation.accept&entityId=${inv.id}`);
      expect(accepted).toMatchObject({ actor: { userId: me.user.id, name: 'newbie' }, before: { acceptedAt: null } });
      expect(accepted.after.acceptedAt).not.toBeNull();
      const [added] = await auditOf(`action=member.add&entityId=${me.user.id}`);
      expect(added.after).toEqual({ userId: me.user.id, role: 'member' });
    });

    it('is accepted once, even when two people try at the same moment', async () => {
      const inv = await invite(owner, { role: 'viewer' });
      const url = `/api/v1/invitations/${tokenOf(inv.url)}/accept`;
      const results = await Promise.all([anon('POST', url, newAccount('racer-a')), anon('POST', url, newAccount('racer-b'))]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404]);
      expect(results.find((r) => r.statusCode === 404)!.json().detail).toBe('This invitation has already been accepted.');
      const members = (await owner.request('GET', `${base}/members?limit=200`)).json.items;
      expect(members.filter((m: any) => m.name.startsWith('racer-'))).toHaveLength(1);
      const later = await anon('POST', url, newAccount('racer-c'));
      expect(later.statusCode).toBe(404);
    });

    it('needs name, e-mail and password from a visitor, each missing one named', async () => {
      const inv = await invite(owner, { role: 'viewer' });
      const res = await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, { name: 'Only Name' });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(['body.email', 'body.password']);
      const bad = await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, { name: 'X', email: 'nope', password: 'short' });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad.json())).toEqual(['body.email', 'body.password']);
      expect((await app.inject({ url: `/api/v1/invitations/${tokenOf(inv.url)}` })).statusCode).toBe(200);
    });

    it('asks the owner of a taken e-mail to sign in first', async () => {
      const inv = await invite(owner, { role: 'viewer' });
      const res = await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, { ...newAccount('dup'), email: member.email });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toBe('An account with this e-mail already exists: sign in first, then open the invitation link again.');
    });

    it('joins a signed-in user with their own account', async () => {
      const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Second Home' })).json;
      const inv = await invite(owner, { role: 'admin' }, other.slug);
      const res = await member.request('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, {});
      expect(res.status).toBe(200);
      expect(res.json.user.id).toBe(member.userId);
      expect(res.json.workspaces.map((w: any) => [w.slug, w.role])).toEqual(
        expect.arrayContaining([[ws.slug, 'member'], [other.slug, 'admin']]),
      );
      const again = await invite(owner, { role: 'viewer' }, other.slug);
      const twice = await member.request('POST', `/api/v1/invitations/${tokenOf(again.url)}/accept`, {});
      expect(twice.status).toBe(409);
      expect(twice.json.detail).toBe('You are already a member of this workspace.');
    });

    it('holds an invitation with an e-mail to that address', async () => {
      const inv = await invite(owner, { email: 'exact@example.com', role: 'viewer' });
      const url = `/api/v1/invitations/${tokenOf(inv.url)}/accept`;
      const wrongVisitor = await anon('POST', url, { ...newAccount('wrong'), email: 'someone.else@example.com' });
      expect(wrongVisitor.statusCode).toBe(403);
      expect(wrongVisitor.json().detail).toBe('This invitation is for another e-mail address. Sign in with that address to accept it.');
      const wrongUser = await admin.request('POST', url, {});
      expect(wrongUser.status).toBe(403);
      const right = await anon('POST', url, { name: 'Exact', email: 'EXACT@example.com', password: 'correct horse battery' });
      expect(right.statusCode).toBe(200);
      expect(right.json().user.email).toBe('exact@example.com');
      expect((await signIn(app, 'exact@example.com')).userId).toBe(right.json().user.id);
    });

    it('tells a caller whose session ended to sign in again', async () => {
      const inv = await invite(owner, { role: 'viewer' });
      const res = await app.inject({
        method: 'POST', url: `/api/v1/invitations/${tokenOf(inv.url)}/accept`,
        headers: { origin: ORIGIN, cookie: 'tandem_session=stale' }, payload: {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe('Your session has ended. Sign in again.');
    });

    it('does not let anyone into an archived workspace', async () => {
      const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Closing Down' })).json;
      const inv = await invite(owner, { role: 'viewer' }, other.slug);
      await owner.request('POST', `/api/v1/workspaces/${other.slug}/archive`);
      const preview = await app.inject({ url: `/api/v1/invitations/${tokenOf(inv.url)}` });
      expect(preview.statusCode).toBe(404);
      expect(preview.json().detail).toBe('The workspace of this invitation is archived.');
      expect((await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, newAccount('closed'))).statusCode).toBe(404);
    });

    it('refuses a read-only API token', async () => {
      const created = await member.request('POST', '/api/v1/me/tokens', { name: 'reader', scope: 'read' });
      const other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Token Land' })).json;
      const inv = await invite(owner, { role: 'viewer' }, other.slug);
      const res = await app.inject({
        method: 'POST', url: `/api/v1/invitations/${tokenOf(inv.url)}/accept`,
        headers: { authorization: `Bearer ${created.json.token}` }, payload: {},
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('This API token is read-only.');
    });
  });

  describe('DELETE …/invitations/:invitationId', () => {
    it('revokes: the link stops working; audited; not twice', async () => {
      const inv = await invite(admin, { role: 'member' });
      const res = await admin.request('DELETE', `${base}/invitations/${inv.id}`);
      expect(res.status).toBe(204);
      const preview = await app.inject({ url: `/api/v1/invitations/${tokenOf(inv.url)}` });
      expect(preview.statusCode).toBe(404);
      expect(preview.json().detail).toBe('This invitation has been revoked. Ask for a new one.');
      expect((await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, newAccount('revoked'))).statusCode).toBe(404);
      const [entry] = await auditOf(`action=invitation.revoke&entityId=${inv.id}`);
      expect(entry.before.revokedAt).toBeNull();
      expect(entry.after.revokedAt).not.toBeNull();
      const twice = await admin.request('DELETE', `${base}/invitations/${inv.id}`);
      expect(twice.status).toBe(409);
      expect(twice.json.detail).toBe('This invitation has already been revoked.');
    });

    it('cannot revoke an accepted invitation', async () => {
      const inv = await invite(owner, { role: 'viewer' });
      expect((await anon('POST', `/api/v1/invitations/${tokenOf(inv.url)}/accept`, newAccount('kept'))).statusCode).toBe(200);
      const res = await owner.request('DELETE', `${base}/invitations/${inv.id}`);
      expect(res.status).toBe(409);
      expect(res.json.detail).toBe('This invitation has already been accepted; remove the member instead.');
    });

    it('hides another workspace’s invitation (404), refuses a member (403), needs a session (401)', async () => {
      const other = (await member.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Inc' })).json;
      const foreign = await invite(member, { role: 'viewer' }, other.slug);
      const res = await owner.request('DELETE', `${base}/invitations/${foreign.id}`);
      expect(res.status).toBe(404);
      expect(res.json.detail).toBe('Invitation not found.');
      expect((await app.inject({ url: `/api/v1/invitations/${tokenOf(foreign.url)}` })).statusCode).toBe(200);
      const mine = await invite(owner, { role: 'viewer' });
      expect((await member.request('DELETE', `${base}/invitations/${mine.id}`)).status).toBe(403);
      const anonDelete = await app.inject({ method: 'DELETE', url: `${base}/invitations/${mine.id}`, headers: { origin: ORIGIN } });
      expect(anonDelete.statusCode).toBe(401);
      expect((await owner.request('DELETE', `${base}/invitations/not-an-id`)).json.errors[0].path).toBe('params.invitationId');
    });
  });
});
