import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, type Client, ORIGIN, setupOwner, testApp, type TestApp } from '../../test/harness';

// The event stream in-process, over a real socket.
let app: TestApp;
let base: string;
let owner: Client;
let ws: { id: string; slug: string };

beforeAll(async () => {
  ({ app } = await testApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const s = await setupOwner(app, { workspaceName: 'Events Co' });
  owner = s.owner;
  ws = s.workspace;
});
afterAll(() => app.close());

/** Opens the stream as `who`; collects what arrives and whether the server ended it. */
async function stream(who: Client) {
  const res = await fetch(`${base}/api/v1/workspaces/${ws.slug}/events`, { headers: { cookie: who.cookie } });
  const reader = res.body!.getReader();
  const state = { text: '', ended: false };
  void (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      state.text += decoder.decode(value, { stream: true });
    }
    state.ended = true;
  })();
  return { res, state, stop: () => reader.cancel().catch(() => {}) };
}

const until = async (ok: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

it('sends changes of the workspace, without who else was notified, and ends for a member who is removed', async () => {
  const member = await addMember(app, owner, ws.slug, 'member');
  const mine = await stream(member);
  expect(mine.res.status).toBe(200);
  expect(mine.res.headers.get('content-type')).toContain('text/event-stream');
  await until(() => mine.state.text.includes('event: ready'));

  const goal = await owner.request('POST', `/api/v1/workspaces/${ws.slug}/goals`, { title: 'Heard live' });
  await until(() => mine.state.text.includes(goal.json.id));
  expect(mine.state.text).toContain('"action":"goal.create"');
  expect(mine.state.text).not.toContain('userIds');
  expect(mine.state.text).not.toContain(ws.id);

  const removed = await app.inject({
    method: 'DELETE', url: `/api/v1/workspaces/${ws.slug}/members/${member.userId}`, headers: { cookie: owner.cookie, origin: ORIGIN },
  });
  expect(removed.statusCode).toBe(204);
  await until(() => mine.state.ended);
  void mine.stop();
});

it('refuses a stream to someone who is not a member, and without a session', async () => {
  const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Elsewhere Co' });
  const outsider = await addMember(app, owner, other.json.slug, 'member', 'outsider');
  const res = await fetch(`${base}/api/v1/workspaces/${ws.slug}/events`, { headers: { cookie: outsider.cookie } });
  expect(res.status).toBe(404);
  const anonymous = await fetch(`${base}/api/v1/workspaces/${ws.slug}/events`);
  expect(anonymous.status).toBe(401);
});
