import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppProcess, startApp } from '../../../bench/app-process';
import type { Database } from '../db/client';
import { freshDatabase } from '../../test/harness';

// Two real Tandem processes on one PostgreSQL, as behind a load balancer: a change made
// through one reaches an event stream open on the other (LISTEN/NOTIFY), and work queued by a
// change runs once, though both processes hear of it and both start the job.
let a: AppProcess;
let b: AppProcess;
let database: Database;
const dirs: string[] = [];
let cookie = '';

beforeAll(async () => {
  const fresh = await freshDatabase();
  database = fresh.database;
  const { url } = fresh;
  const start = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-2p-'));
    dirs.push(dir);
    return startApp({ DATA_DIR: dir, DATABASE_URL: url });
  };
  [a, b] = await Promise.all([start(), start()]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
}, 60_000);

it('delivers an event made through one process to a stream open on the other', async () => {
  const setup = await fetch(`${a.baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: a.baseUrl },
    body: JSON.stringify({ name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery', workspaceName: 'Two Co' }),
  });
  expect(setup.status).toBe(201);
  cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const controller = new AbortController();
  const stream = await fetch(`${b.baseUrl}/api/v1/workspaces/two-co/events`, { headers: { cookie }, signal: controller.signal });
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const waitFor = async (text: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!received.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no "${text}" within ${ms} ms; got: ${received}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (chunk && !chunk.done) received += decoder.decode(chunk.value, { stream: true });
    }
  };
  await waitFor('event: ready', 5_000);

  const goal = await fetch(`${a.baseUrl}/api/v1/workspaces/two-co/goals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: a.baseUrl, cookie },
    body: JSON.stringify({ title: 'Seen on the other process' }),
  });
  expect(goal.status).toBe(201);
  const { id } = (await goal.json()) as { id: string };
  await waitFor(id, 5_000);
  expect(received).toContain('"action":"goal.create"');
  controller.abort();
}, 60_000);

it('runs the e-mail job queued by a mention once, with both processes started on it', async () => {
  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = { cookie }) =>
    fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...headers }, body: JSON.stringify(body) });
  const invitation = await post(a.baseUrl, '/workspaces/two-co/invitations', { role: 'member' });
  const token = String(((await invitation.json()) as { url: string }).url).split('/').pop()!;
  const accepted = await post(b.baseUrl, `/invitations/${token}/accept`, { name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler-pioneer-1952' }, {});
  expect(accepted.status).toBe(200);
  const grace = (await database.db.execute<{ id: string }>(sql`select id from users where email = 'grace@example.com'`)).rows[0]!.id;
  const goal = await post(a.baseUrl, '/workspaces/two-co/goals', { title: 'Talked about' });
  const { id } = (await goal.json()) as { id: string };
  const comment = await post(b.baseUrl, '/workspaces/two-co/comments', { entityType: 'goal', entityId: id, body: `@[Grace Hopper](user:${grace}) please look` });
  expect(comment.status).toBe(201);

  // Grace chose nothing, so a mention mails her at once: without SMTP the e-mail waits, unsent, in the outbox.
  const mails = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where user_id = ${grace}`)).rows[0]!.n;
  const deadline = Date.now() + 20_000;
  while ((await mails()) === 0) {
    if (Date.now() > deadline) throw new Error('no e-mail was queued within 20 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 3_000)); // a second run, had there been one
  expect(await mails()).toBe(1);
  const runs = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'email.send' and state = 'completed'`);
  expect(runs.rows[0]!.n).toBeGreaterThanOrEqual(1);
}, 60_000);
