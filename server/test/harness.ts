import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../platform/config';
import { openDatabase, type Database } from '../platform/db/client';
import { withDatabase } from '../platform/db/embedded';

export const ORIGIN = 'http://localhost:3000';

/** A fresh database cloned from the migrated template, dropped after the file's tests. */
export async function freshDatabase(): Promise<{ url: string; database: Database }> {
  const serverUrl = inject('serverUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template tandem_template`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = openDatabase(url, 5);
  afterAll(async () => {
    await database.close();
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return { url, database };
}

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/** The API in-process on a fresh database (no listening socket; requests through inject). */
export async function testApp(): Promise<{ app: TestApp; database: Database; url: string }> {
  const { url, database } = await freshDatabase();
  const config = { ...loadConfig({ DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' }), databaseUrl: url, baseUrl: ORIGIN };
  const app = await buildApp({ config, database, state: { shuttingDown: false } }, { logger: false, serveWeb: false });
  await app.ready();
  afterAll(() => app.close());
  return { app, database, url };
}

/** A signed-in caller: its cookie and helpers that send it with a same-origin header. */
export interface Client {
  userId: string;
  email: string;
  cookie: string;
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: any; headers: Record<string, unknown> }>;
}

function client(app: TestApp, userId: string, email: string, cookie: string): Client {
  return {
    userId,
    email,
    cookie,
    async request(method, url, body) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, origin: ORIGIN, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
      let json: unknown;
      try {
        json = res.body ? JSON.parse(res.body) : null;
      } catch {
        json = res.body;
      }
      return { status: res.statusCode, json, headers: res.headers };
    },
  };
}

const cookieOf = (setCookie: unknown) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

/** Runs first-run setup: the owner and their workspace. */
export async function setupOwner(app: TestApp, opts: { workspaceName?: string; loadDemo?: boolean } = {}) {
  const email = `owner-${randomBytes(3).toString('hex')}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    headers: { origin: ORIGIN },
    payload: { name: 'Olivia Owner', email, password: 'correct horse battery', workspaceName: opts.workspaceName ?? 'Test Co', loadDemo: opts.loadDemo ?? false },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const me = res.json<{ user: { id: string }; workspaces: { id: string; slug: string }[] }>();
  return { owner: client(app, me.user.id, email, cookieOf(res.headers['set-cookie'])), workspace: me.workspaces[0]! };
}

/** Signs in an existing account. */
export async function signIn(app: TestApp, email: string, password = 'correct horse battery'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: ORIGIN }, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return client(app, res.json<{ user: { id: string } }>().user.id, email, cookieOf(res.headers['set-cookie']));
}

/** Invites a new person into the workspace with `role` through the API and signs them in. */
export async function addMember(app: TestApp, inviter: Client, ws: string, role: 'owner' | 'admin' | 'member' | 'viewer', name: string = role): Promise<Client> {
  const inv = await inviter.request('POST', `/api/v1/workspaces/${ws}/invitations`, { role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.json)}`);
  const token = String(inv.json.url).split('/').pop()!;
  const email = `${name}-${randomBytes(3).toString('hex')}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    headers: { origin: ORIGIN },
    payload: { name: `${name} person`, email, password: 'correct horse battery' },
  });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return client(app, res.json<{ user: { id: string } }>().user.id, email, cookieOf(res.headers['set-cookie']));
}
