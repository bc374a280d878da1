import { beforeAll, expect, it } from 'vitest';
import { type Client, ORIGIN, setupOwner, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let ws: string;
beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app);
  owner = s.owner;
  ws = s.workspace.slug;
});

const post = (url: string, body: unknown, key: string) =>
  app.inject({
    method: 'POST', url,
    headers: { cookie: owner.cookie, origin: ORIGIN, 'content-type': 'application/json', 'idempotency-key': key },
    payload: JSON.stringify(body),
  });

it('runs a POST once per Idempotency-Key and replays the answer to a retry', async () => {
  const url = `/api/v1/workspaces/${ws}/goals`;
  const first = await post(url, { title: 'Exactly once' }, 'key-1');
  const retry = await post(url, { title: 'Exactly once' }, 'key-1');
  expect(first.statusCode).toBe(201);
  expect(retry.statusCode).toBe(201);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.json().id).toBe(first.json().id);
  const list = await owner.request('GET', `${url}?q=Exactly`);
  expect(list.json.items).toHaveLength(1);

  const other = await post(`/api/v1/workspaces/${ws}/initiatives`, { title: 'Reused key' }, 'key-1');
  expect(other.statusCode).toBe(422);
  expect((await post(url, { title: 'Exactly once' }, 'key-2')).statusCode).toBe(201);
});

it('refuses a key reused with a different body, and never keeps a secret for a replay', async () => {
  const url = `/api/v1/workspaces/${ws}/goals`;
  expect((await post(url, { title: 'First body' }, 'key-3')).statusCode).toBe(201);
  expect((await post(url, { title: 'Other body' }, 'key-3')).statusCode).toBe(422);

  const token = await post('/api/v1/me/tokens', { name: 'ci', scope: 'read' }, 'key-4');
  expect(token.statusCode).toBe(201);
  const again = await post('/api/v1/me/tokens', { name: 'ci', scope: 'read' }, 'key-4');
  expect(again.statusCode).toBe(409);
  expect(again.body).not.toContain(token.json().token);
  const tokens = await owner.request('GET', '/api/v1/me/tokens');
  expect(tokens.json.items).toHaveLength(1);
});
