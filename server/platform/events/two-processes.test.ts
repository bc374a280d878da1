import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppProcess, startApp } from '../../../bench/app-process';
import { freshDatabase } from '../../test/harness';

// Two real Tandem processes on one PostgreSQL, as behind a load balancer: a change made
// through one reaches an event stream open on the other (LISTEN/NOTIFY).
let a: AppProcess;
let b: AppProcess;
const dirs: string[] = [];

beforeAll(async () => {
  const { url } = await freshDatabase();
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
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

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
