import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, signIn, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Client;
let member: Client;
let viewer: Client;
let ws: string;
const base = () => `/api/v1/workspaces/${ws}`;

beforeAll(async () => {
  ({ app } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Activity Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  member = await addMember(app, owner, ws, 'member', 'mia');
  viewer = await addMember(app, owner, ws, 'viewer', 'vera');
});

describe('activity feed', () => {
  it('shows an item’s changes and its comments, newest first, to a viewer', async () => {
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Cut lead time', weight: 50 })).json.id;
    const other = (await owner.request('POST', `${base()}/goals`, { title: 'Unrelated' })).json.id;
    await member.request('PATCH', `${base()}/goals/${g}`, { weight: 70 });
    const c = (await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: g, body: 'secret plan' })).json;
    await member.request('POST', `${base()}/comments`, { entityType: 'goal', entityId: other, body: 'elsewhere' });

    const res = await viewer.request('GET', `${base()}/activity?entityType=goal&entityId=${g}`);
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: any) => i.action)).toEqual(['comment.create', 'goal.update', 'goal.create']);
    const [comment, update, create] = res.json.items;
    expect(comment).toMatchObject({
      entityType: 'comment', entityId: c.id, entityTitle: 'Cut lead time', link: `/goals/${g}`,
      summary: 'mia person commented on goal “Cut lead time”', actor: { id: member.userId, name: 'mia person' }, changedFields: [],
    });
    expect(update).toMatchObject({ summary: 'mia person updated goal “Cut lead time”', changedFields: ['weight'], link: `/goals/${g}` });
    expect(create.summary).toBe('Olivia Owner created goal “Cut lead time”');
    // Values never travel: no before/after, no comment text.
    expect(JSON.stringify(res.json)).not.toContain('secret plan');
    expect(Object.keys(update).sort()).toEqual(['action', 'actor', 'at', 'changedFields', 'entityId', 'entityTitle', 'entityType', 'id', 'link', 'summary']);
  });

  it('filters by person and pages without repeats', async () => {
    const mine = await viewer.request('GET', `${base()}/activity?actorUserId=${member.userId}&limit=200`);
    expect(mine.json.items.length).toBeGreaterThan(0);
    expect(mine.json.items.every((i: any) => i.actor?.id === member.userId)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await viewer.request('GET', `${base()}/activity?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json.items.map((i: any) => i.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await viewer.request('GET', `${base()}/activity?limit=200`);
    expect(seen).toEqual(all.json.items.map((i: any) => i.id));
    expect((await viewer.request('GET', `${base()}/activity?cursor=nonsense`)).status).toBe(400);
  });

  it('never shows sessions, tokens, accounts, admin-only or personal entries, nor request ids or addresses', async () => {
    await signIn(app, member.email);
    await member.request('POST', '/api/v1/me/tokens', { name: 'ci', scope: 'read' });
    await member.request('PATCH', '/api/v1/me', { name: 'mia person' });
    expect((await owner.request('POST', `${base()}/invitations`, { email: 'newcomer@example.com', role: 'viewer' })).status).toBe(201);
    expect((await owner.request('POST', `${base()}/webhooks`, { name: 'Hook', url: 'http://10.0.0.5/hook', allowPrivate: true })).status).toBe(201);
    const g = (await owner.request('POST', `${base()}/goals`, { title: 'Watched' })).json.id;
    expect((await viewer.request('PUT', `${base()}/watches`, { entityType: 'goal', entityId: g })).status).toBe(200);
    const res = await viewer.request('GET', `${base()}/activity?limit=200`);
    const types = new Set(res.json.items.map((i: any) => i.entityType));
    for (const t of ['session', 'api_token', 'user', 'invitation', 'webhook', 'watch']) expect(types.has(t), t).toBe(false);
    expect(types.has('goal')).toBe(true);
    const text = JSON.stringify(res.json);
    expect(text).not.toMatch(/requestId|"ip"|tokenId|"before"|"after"|passwordHash/);
    expect(res.json.items.some((i: any) => i.action === 'member.add')).toBe(true);
  });

  it('is for members only', async () => {
    const s2 = await owner.request('POST', '/api/v1/workspaces', { name: 'Closed Co' });
    expect((await member.request('GET', `/api/v1/workspaces/${s2.json.slug}/activity`)).status).toBe(404);
  });
});
