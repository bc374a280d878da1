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
