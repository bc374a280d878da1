import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const paths = (json: any) => json.errors.map((e: { path: string }) => e.path).sort();
const today = () => new Date().toISOString().slice(0, 10);

describe('personal API tokens', () => {
  let app: TestApp;
  let database: Database;
  let owner: Client;
  let member: Client;
  let ws: { id: string; slug: string };

  beforeAll(async () => {
    ({ app, database } = await testApp());
    const s = await setupOwner(app, { workspaceName: 'Token Co' });
    owner = s.owner;
    ws = s.workspace;
    member = await addMember(app, owner, ws.slug, 'member');
  });

  /** A request with `Authorization: Bearer <token>` and no cookie. */
  const bearer = async (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, json: res.json() };
  };
  const createToken = async (who: Client, body: object) => {
    const res = await who.request('POST', '/api/v1/me/tokens', body);
    expect(res.status).toBe(201);
    return res.json;
  };

  describe('POST /me/tokens', () => {
    it('shows the secret once and stores only its hash', async () => {
      const res = await owner.request('POST', '/api/v1/me/tokens', { name: 'CI export', scope: 'read' });
      expect(res.status).toBe(201);
      const created = res.json;
      expect(created).toMatchObject({ name: 'CI export', scope: 'read', expiresAt: null, lastUsedAt: null, revokedAt: null });
      expect(created.token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
      expect(created.prefix).toBe(created.token.slice(0, 12));
      const row = (await database.pool.query('select token_hash, prefix from api_tokens where id = $1', [created.id])).rows[0];
      expect(row.token_hash).not.toBe(created.token);
      expect(row.token_hash).toBe(sha256(created.token));
      const list = await owner.request('GET', '/api/v1/me/tokens');
      expect(list.json.items.find((t: any) => t.id === created.id)).toEqual({
        id: created.id, name: 'CI export', scope: 'read', prefix: created.prefix, expiresAt: null, lastUsedAt: null,
        createdAt: created.createdAt, revokedAt: null,
      });
      expect(JSON.stringify(list.json)).not.toContain(created.token);
      const audit = (await database.pool.query("select action, after, workspace_id from audit_log where entity_id = $1", [created.id])).rows;
      expect(audit).toEqual([{ action: 'api_token.create', workspace_id: null, after: expect.objectContaining({ id: created.id, prefix: created.prefix }) }]);
      expect(JSON.stringify(audit)).not.toContain(created.token);
    });

    it('expires at the end of the chosen day (UTC); a past day is refused', async () => {
      const created = await createToken(owner, { name: 'Today only', scope: 'read', expiresOn: today() });
      expect(created.expiresAt).toBe(`${today()}T23:59:59.999Z`);
      expect((await bearer(created.token, 'GET', '/api/v1/me')).status).toBe(200);
      const past = await owner.request('POST', '/api/v1/me/tokens', { name: 'Old', scope: 'read', expiresOn: '2020-01-31' });
      expect(past.status).toBe(400);
      expect(past.json.errors).toEqual([{ path: 'body.expiresOn', message: 'must be today or later' }]);
    });

    it('reports invalid fields with their paths', async () => {
      const res = await owner.request('POST', '/api/v1/me/tokens', { name: '', scope: 'admin', expiresOn: '31/01/2030' });
      expect(res.status).toBe(400);
      expect(paths(res.json)).toEqual(['body.expiresOn', 'body.name', 'body.scope']);
    });

    it('needs a signed-in session: a token cannot mint tokens', async () => {
      const anon = await app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { origin: ORIGIN }, payload: { name: 'x', scope: 'read' } });
      expect(anon.statusCode).toBe(401);
      const rw = await createToken(owner, { name: 'automation', scope: 'read_write' });
      const viaToken = await bearer(rw.token, 'POST', '/api/v1/me/tokens', { name: 'minted by a token', scope: 'read' });
      expect(viaToken.status).toBe(403);
      expect(viaToken.json.detail).toBe('API tokens are created from a signed-in session, not with another token.');
      const ro = await createToken(owner, { name: 'reader', scope: 'read' });
      const refused = await bearer(ro.token, 'POST', '/api/v1/me/tokens', { name: 'nope', scope: 'read_write' });
      expect(refused.status).toBe(403);
      expect(refused.json.detail).toBe('This API token is read-only.');
    });
  });

  describe('using a token', () => {
    it('acts as its user, and notes when it was last used', async () => {
      const t = await createToken(member, { name: 'script', scope: 'read_write' });
      const me = await bearer(t.token, 'GET', '/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.json.user.id).toBe(member.userId);
      expect(me.json.sessionId).toBeNull();
      const listed = (await member.request('GET', '/api/v1/me/tokens')).json.items.find((x: any) => x.id === t.id);
      expect(listed.lastUsedAt).not.toBeNull();
      expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(60_000);
      const created = await bearer(t.token, 'POST', '/api/v1/workspaces', { name: 'Made By Token' });
      expect(created.status).toBe(201);
      const [entry] = (await member.request('GET', `/api/v1/workspaces/${created.json.slug}/audit-log?action=workspace.create`)).json.items;
      expect(entry.actor).toEqual({ userId: member.userId, name: 'member person', tokenId: t.id });
    });

    it('a read-only token reads but gets 403 on a write', async () => {
      const t = await createToken(owner, { name: 'dashboard', scope: 'read' });
      expect((await bearer(t.token, 'GET', `/api/v1/workspaces/${ws.slug}`)).status).toBe(200);
      const write = await bearer(t.token, 'PATCH', `/api/v1/workspaces/${ws.slug}`, { name: 'Changed' });
      expect(write.status).toBe(403);
      expect(write.json.detail).toBe('This API token is read-only.');
    });

    it('a revoked token gets 401 saying so', async () => {
      const t = await createToken(owner, { name: 'short-lived', scope: 'read' });
      expect((await owner.request('DELETE', `/api/v1/me/tokens/${t.id}`)).status).toBe(204);
      const res = await bearer(t.token, 'GET', '/api/v1/me');
      expect(res.status).toBe(401);
      expect(res.json.detail).toBe('The API token has been revoked.');
    });

    it('an expired token gets 401 saying so', async () => {
      const t = await createToken(owner, { name: 'expiring', scope: 'read', expiresOn: today() });
      await database.pool.query("update api_tokens set expires_at = now() - interval '1 second' where id = $1", [t.id]);
      const res = await bearer(t.token, 'GET', '/api/v1/me');
      expect(res.status).toBe(401);
      expect(res.json.detail).toBe('The API token has expired.');
    });

    it('an unknown token gets 401', async () => {
      const res = await bearer('tdm_not-a-real-token', 'GET', '/api/v1/me');
      expect(res.status).toBe(401);
      expect(res.json.detail).toBe('The API token is not valid.');
    });
  });

  describe('GET /me/tokens', () => {
    it('lists only the caller’s unrevoked tokens, newest first, in pages', async () => {
      const a = await createToken(member, { name: 'page a', scope: 'read' });
      const b = await createToken(member, { name: 'page b', scope: 'read' });
      const gone = await createToken(member, { name: 'page gone', scope: 'read' });
      await member.request('DELETE', `/api/v1/me/tokens/${gone.id}`);
      const first = await member.request('GET', '/api/v1/me/tokens?limit=1');
      expect(first.json.items.map((t: any) => t.id)).toEqual([b.id]);
      const second = await member.request('GET', `/api/v1/me/tokens?limit=1&cursor=${first.json.nextCursor}`);
      expect(second.json.items.map((t: any) => t.id)).toEqual([a.id]);
      const all = (await member.request('GET', '/api/v1/me/tokens?limit=200')).json.items.map((t: any) => t.id);
      expect(all).not.toContain(gone.id);
      expect((await owner.request('GET', '/api/v1/me/tokens?limit=200')).json.items.map((t: any) => t.id)).not.toContain(a.id);
      expect((await member.request('GET', '/api/v1/me/tokens?cursor=abc')).status).toBe(400);
      expect((await app.inject({ url: '/api/v1/me/tokens' })).statusCode).toBe(401);
    });
  });

  describe('DELETE /me/tokens/:tokenId', () => {
    it('revokes with before and after in the audit log', async () => {
      const t = await createToken(owner, { name: 'to revoke', scope: 'read_write' });
      expect((await owner.request('DELETE', `/api/v1/me/tokens/${t.id}`)).status).toBe(204);
      const rows = (await database.pool.query("select before, after from audit_log where action = 'api_token.revoke' and entity_id = $1", [t.id])).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0].before.revokedAt).toBeNull();
      expect(rows[0].after.revokedAt).not.toBeNull();
      expect((await owner.request('DELETE', `/api/v1/me/tokens/${t.id}`)).status).toBe(404);
    });

    it('cannot touch another user’s token (404), needs a session (401), checks the id (400)', async () => {
      const theirs = await createToken(member, { name: 'not yours', scope: 'read' });
      const res = await owner.request('DELETE', `/api/v1/me/tokens/${theirs.id}`);
      expect(res.status).toBe(404);
      expect(res.json.detail).toBe('API token not found.');
      expect((await bearer(theirs.token, 'GET', '/api/v1/me')).status).toBe(200);
      const anon = await app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${theirs.id}`, headers: { origin: ORIGIN } });
      expect(anon.statusCode).toBe(401);
      expect((await owner.request('DELETE', '/api/v1/me/tokens/xyz')).json.errors[0].path).toBe('params.tokenId');
    });
  });
});
