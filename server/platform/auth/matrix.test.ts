import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, ORIGIN, setupOwner, signIn, testApp, type TestApp } from '../../test/harness';
import type { Database } from '../db/client';
import { areaAccess } from '../../test/areas';
import type { Level } from '../../test/access';

/**
 * The authorisation matrix: every API route × every role, a member of another workspace and
 * no session, against the lowest caller each route admits. The table below is the spec; a
 * route added without an entry here fails the first test.
 */
const PLATFORM_AND_STRATEGY: Record<string, Level> = {
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'user',
  'GET /api/v1/me': 'user',
  'PATCH /api/v1/me': 'user',
  'POST /api/v1/me/password': 'user',
  'GET /api/v1/me/sessions': 'user',
  'DELETE /api/v1/me/sessions/:sessionId': 'user',
  'POST /api/v1/me/sessions/revoke-others': 'user',
  'GET /api/v1/me/tokens': 'user',
  'POST /api/v1/me/tokens': 'user',
  'DELETE /api/v1/me/tokens/:tokenId': 'user',
  'POST /api/v1/workspaces': 'user',
  'GET /api/v1/invitations/:token': 'public',
  'POST /api/v1/invitations/:token/accept': 'public',
  'GET /api/v1/workspaces/:ws': 'viewer',
  'PATCH /api/v1/workspaces/:ws': 'admin',
  'POST /api/v1/workspaces/:ws/archive': 'owner',
  'POST /api/v1/workspaces/:ws/restore': 'owner',
  'GET /api/v1/workspaces/:ws/members': 'viewer',
  'PATCH /api/v1/workspaces/:ws/members/:userId': 'admin',
  'DELETE /api/v1/workspaces/:ws/members/:userId': 'admin',
  'POST /api/v1/workspaces/:ws/leave': 'viewer',
  'GET /api/v1/workspaces/:ws/invitations': 'admin',
  'POST /api/v1/workspaces/:ws/invitations': 'admin',
  'DELETE /api/v1/workspaces/:ws/invitations/:invitationId': 'admin',
  'GET /api/v1/workspaces/:ws/business-units': 'viewer',
  'POST /api/v1/workspaces/:ws/business-units': 'admin',
  'GET /api/v1/workspaces/:ws/business-units/:unitId': 'viewer',
  'PATCH /api/v1/workspaces/:ws/business-units/:unitId': 'admin',
  'POST /api/v1/workspaces/:ws/business-units/:unitId/archive': 'admin',
  'POST /api/v1/workspaces/:ws/business-units/:unitId/restore': 'admin',
  'GET /api/v1/workspaces/:ws/audit-log': 'admin',
  'GET /api/v1/workspaces/:ws/goals': 'viewer',
  'POST /api/v1/workspaces/:ws/goals': 'member',
  'GET /api/v1/workspaces/:ws/goals/:goalId': 'viewer',
  'PATCH /api/v1/workspaces/:ws/goals/:goalId': 'member',
  'POST /api/v1/workspaces/:ws/goals/:goalId/archive': 'member',
  'POST /api/v1/workspaces/:ws/goals/:goalId/restore': 'member',
  'GET /api/v1/workspaces/:ws/initiatives': 'viewer',
  'POST /api/v1/workspaces/:ws/initiatives': 'member',
  'GET /api/v1/workspaces/:ws/initiatives/:initiativeId': 'viewer',
  'PATCH /api/v1/workspaces/:ws/initiatives/:initiativeId': 'member',
  'POST /api/v1/workspaces/:ws/initiatives/:initiativeId/archive': 'member',
  'POST /api/v1/workspaces/:ws/initiatives/:initiativeId/restore': 'member',
  'GET /api/v1/workspaces/:ws/goal-links': 'viewer',
  'POST /api/v1/workspaces/:ws/goal-links': 'member',
  'PATCH /api/v1/workspaces/:ws/goal-links/:linkId': 'member',
  'DELETE /api/v1/workspaces/:ws/goal-links/:linkId': 'member',
  'GET /api/v1/workspaces/:ws/events': 'viewer',
};
const EXPECTED: Record<string, Level> = Object.assign({ ...PLATFORM_AND_STRATEGY }, ...areaAccess.map((a) => a.routes));

const CALLERS = ['anonymous', 'outsider', 'viewer', 'member', 'admin', 'owner'] as const;
type Caller = (typeof CALLERS)[number];
const RANK: Record<string, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

let app: TestApp;
let database: Database;
let ws: { id: string; slug: string };
const clients = {} as Record<Exclude<Caller, 'anonymous'>, Client>;

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Matrix Co' });
  ws = s.workspace;
  clients.owner = s.owner;
  for (const role of ['admin', 'member', 'viewer'] as const) clients[role] = await addMember(app, s.owner, ws.slug, role);
  // The outsider owns a workspace of their own and is no member of this one.
  const other = await s.owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere' });
  clients.outsider = await addMember(app, s.owner, other.json.slug, 'owner', 'outsider');
  await s.owner.request('DELETE', `/api/v1/workspaces/${other.json.slug}/members/${s.owner.userId}`);
}, 60_000);

/** Things the route's parameters point at, made fresh for each call by the owner (or the caller, for /me). */
async function fixtures(url: string, caller: Client | null) {
  const owner = clients.owner;
  const base = `/api/v1/workspaces/${ws.slug}`;
  const params: Record<string, string> = { ws: ws.slug };
  if (/:goalId|:initiativeId|:linkId/.test(url)) {
    const goal = await owner.request('POST', `${base}/goals`, { title: 'Fixture goal', status: 'active' });
    const ini = await owner.request('POST', `${base}/initiatives`, { title: 'Fixture initiative' });
    const link = await owner.request('POST', `${base}/goal-links`, { goalId: goal.json.id, initiativeId: ini.json.id, strength: 'weak' });
    Object.assign(params, { goalId: goal.json.id, initiativeId: ini.json.id, linkId: link.json.id });
  }
  if (url.includes(':unitId')) {
    const unit = await owner.request('POST', `${base}/business-units`, { name: `Unit ${Math.random().toString(36).slice(2)}` });
    params.unitId = unit.json.id;
  }
  if (url.includes(':invitationId') || url.includes(':token')) {
    const inv = await owner.request('POST', `${base}/invitations`, { role: 'viewer' });
    params.invitationId = inv.json.id;
    params.token = String(inv.json.url).split('/').pop()!;
  }
  if (url.includes(':userId')) params.userId = (await addMember(app, owner, ws.slug, 'viewer', 'victim')).userId;
  if (url.includes(':sessionId') && caller) {
    await signIn(app, caller.email); // a second session of the caller's, to sign out
    params.sessionId = (await sessionsOf(caller))[0]!;
  }
  if (url.includes(':tokenId') && caller) params.tokenId = (await caller.request('POST', '/api/v1/me/tokens', { name: 'fixture', scope: 'read' })).json.id;
  for (const area of areaAccess) await area.fixtures?.(url, { app, db: database.db, owner, caller, base, params });
  return params;
}

async function sessionsOf(caller: Client): Promise<string[]> {
  const res = await caller.request('GET', '/api/v1/me/sessions');
  return res.json.items.filter((s: any) => !s.current).map((s: any) => s.id);
}

/** Undo what a call may have changed about who belongs to the workspace and whether it is archived. */
async function restoreMemberships() {
  const { db } = database;
  await db.execute(sql`update workspaces set archived_at = null where id = ${ws.id}`);
  for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
    await db.execute(sql`insert into memberships (workspace_id, user_id, role) values (${ws.id}, ${clients[role].userId}, ${role})
      on conflict (workspace_id, user_id) do update set role = excluded.role`);
  }
  await db.execute(sql`delete from memberships where workspace_id = ${ws.id} and user_id = ${clients.outsider.userId}`);
}

function expected(level: Level, caller: Caller): 'allowed' | 401 | 403 | 404 {
  if (level === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (level === 'user') return 'allowed';
  if (caller === 'outsider') return 404;
  return RANK[caller]! >= RANK[level]! ? 'allowed' : 403;
}

describe('authorisation matrix', () => {
  it('has an entry for every route, and every entry is a route', () => {
    const routes = app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s needs %s', async (route, level) => {
    const [method, url] = route.split(' ') as [string, string];
    for (const caller of CALLERS) {
      // Signing out and session routes act on the session used: give those calls a fresh one.
      const base = caller === 'anonymous' ? null : clients[caller];
      const client = base && url.startsWith('/api/v1/auth/logout') ? await signIn(app, base.email) : base;
      const params = await fixtures(url, client);
      const path = url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);
      // The event stream never ends: take its status, then hang up.
      const stream = url.endsWith('/events');
      const res = await app.inject({
        method: method as 'GET',
        url: path,
        payloadAsStream: stream,
        headers: { origin: ORIGIN, ...(client ? { cookie: client.cookie } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        payload: method === 'GET' ? undefined : '{}',
      });
      if (stream) res.stream().destroy();
      const want = expected(level, caller);
      const got = res.statusCode;
      const label = `${route} as ${caller}: ${got} ${stream ? '(stream)' : res.body.slice(0, 160)}`;
      if (want === 'allowed') {
        expect([401, 403, 404], label).not.toContain(got);
        expect(got, label).toBeLessThan(500);
      } else {
        expect(got, label).toBe(want);
      }
      if (method !== 'GET') await restoreMemberships();
    }
  });
});
