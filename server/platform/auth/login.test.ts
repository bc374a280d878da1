import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, ORIGIN, setupOwner, signIn, testApp, type TestApp } from '../../test/harness';
import type { Database } from '../db/client';
import { LOGIN_LIMITS } from './rate-limit';

let app: TestApp;
let database: Database;
let owner: Client;

beforeAll(async () => {
  ({ app, database } = await testApp());
  ({ owner } = await setupOwner(app));
});

// Each test starts with no failed sign-ins on record.
beforeEach(async () => {
  await database.db.execute(sql`delete from login_failures`);
});

const login = (email: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: ORIGIN }, remoteAddress: ip, payload: { email, password } });

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie, stored hashed', async () => {
    const res = await login(owner.email.toUpperCase(), 'correct horse battery');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/tandem_session=[\w-]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const token = /tandem_session=([\w-]+)/.exec(cookie)![1]!;
    const rows = await database.db.execute(sql`select count(*)::int as n from sessions where token_hash = ${token}`);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('says the same for a wrong password and an unknown account', async () => {
    const wrong = await login(owner.email, 'not the password', '10.0.0.2');
    const unknown = await login('nobody@example.com', 'not the password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks an account after repeated failures and says when to retry', async () => {
    const email = owner.email;
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect((await login(email, 'wrong password', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login(email, 'correct horse battery', '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    const body = locked.json();
    expect(body.detail).toMatch(/Try again at \d\d:\d\d UTC/);
    const retryAt = new Date(body.retryAt).getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    // Once the window has passed the account signs in again.
    await database.db.execute(sql`update login_failures set at = at - interval '16 minutes'`);
    expect((await login(email, 'correct horse battery', '10.1.1.1')).statusCode).toBe(200);
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await login(`someone${i}@example.com`, 'wrong password', '10.9.9.9');
    const res = await login(owner.email, 'correct horse battery', '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().detail).toContain('your address');
  });
});

describe('sessions', () => {
  it('lists sessions, signs out the others, and refuses a revoked or expired cookie', async () => {
    const a = await signIn(app, owner.email);
    const b = await signIn(app, owner.email);
    const list = await a.request('GET', '/api/v1/me/sessions');
    expect(list.json.items.filter((s: any) => s.current)).toHaveLength(1);
    expect(list.json.items.length).toBeGreaterThanOrEqual(3);

    const revoked = await a.request('POST', '/api/v1/me/sessions/revoke-others');
    expect(revoked.json.revoked).toBeGreaterThanOrEqual(2);
    const gone = await b.request('GET', '/api/v1/me');
    expect(gone.status).toBe(401);
    expect(gone.json.detail).toBe('Your session has ended. Sign in again.');
    expect((await a.request('GET', '/api/v1/me')).status).toBe(200);

    await database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where revoked_at is null`);
    const expired = await a.request('GET', '/api/v1/me');
    expect(expired.status).toBe(401);
    expect(expired.json.detail).toBe('Your session has expired. Sign in again.');
  });

  it('signs out: the cookie no longer works', async () => {
    const c = await signIn(app, owner.email);
    expect((await c.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await c.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('changes the password only with the current one, and signs out other sessions', async () => {
    const c = await signIn(app, owner.email);
    const other = await signIn(app, owner.email);
    const bad = await c.request('POST', '/api/v1/me/password', { currentPassword: 'nope', newPassword: 'a brand new secret' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('body.currentPassword');
    const ok = await c.request('POST', '/api/v1/me/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new secret' });
    expect(ok.status).toBe(204);
    expect((await other.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await c.request('GET', '/api/v1/me')).status).toBe(200);
    expect((await login(owner.email, 'a brand new secret', '10.2.0.1')).statusCode).toBe(200);
  });
});

describe('parallel guessing', () => {
  it('cannot get more than the limit of password checks through at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(owner.email, 'wrong password', `10.5.0.${i}`)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - LOGIN_LIMITS.perAccount);
  });
});
