import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResult } from '../../../domain/collaboration/search';
import { onAudit, systemAudit } from '../../platform/audit/record';
import type { Database } from '../../platform/db/client';
import { type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { reindexIfEmpty, reindexWorkspace } from './backfill';
import { indexChange, searchableTypes } from './index';

let app: TestApp;
let database: Database;
let owner: Client;
let ws: { id: string; slug: string };
let other: { id: string; slug: string };

beforeAll(async () => {
  ({ app, database } = await testApp());
  // The lead registers it with the other listeners at start; here the test does.
  onAudit('search', indexChange);
  const s = await setupOwner(app, { workspaceName: 'Search Co' });
  owner = s.owner;
  ws = s.workspace;
  other = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other Co' })).json;
});

const base = () => `/api/v1/workspaces/${ws.slug}`;

async function search(query: string, wsSlug = ws.slug) {
  const res = await owner.request('GET', `/api/v1/workspaces/${wsSlug}/search?${query}`);
  if (res.status === 200) SearchResult.parse(res.json);
  return res;
}
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);
const titles = async (text: string, extra = '') => (await q(text, extra)).json.items.map((i: any) => i.title);

async function goal(title: string, description = '') {
  const res = await owner.request('POST', `${base()}/goals`, { title, description });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

describe('search', () => {
  it('finds by word prefix, title matches above body matches, live above archived', async () => {
    const inTitle = await goal('Infrastructure renewal', 'Replace the ageing servers');
    const inBody = await goal('Hosting contract', 'Move the infrastructure to a second provider');
    const archived = await goal('Infrastructure audit');
    await owner.request('POST', `${base()}/goals/${archived}/archive`);

    const live = await q('infra');
    expect(live.status).toBe(200);
    expect(live.json.items.map((i: any) => i.entityId)).toEqual([inTitle, inBody]);
    expect(live.json.items[0]).toMatchObject({ entityType: 'goal', link: `/goals/${inTitle}`, archived: false, titleHighlight: '<mark>Infrastructure</mark> renewal' });
    expect(live.json.items[1].snippet).toContain('<mark>infrastructure</mark>');
    expect(live.json.items[0].rank).toBeGreaterThan(live.json.items[1].rank);

    const all = await q('infra', '&includeArchived=true');
    expect(all.json.items.map((i: any) => i.entityId)).toEqual([inTitle, inBody, archived]);
    expect(all.json.items[2].archived).toBe(true);

    // Every term must match (as a prefix).
    expect(await titles('infra ren')).toEqual(['Infrastructure renewal']);
    expect(await titles('infra zzz')).toEqual([]);
  });

  it('treats tsquery syntax in the input as separators, never as operators or errors', async () => {
    await goal("O'Brien's cloud (phase 2) & more");
    for (const text of ["o'brien", "O'Brien's cloud", 'cloud & phase', 'cloud | nothing', '!cloud', 'cloud:*', '(cloud)', 'cloud\\', "cloud')--"]) {
      const res = await q(text);
      expect(res.status, text).toBe(200);
    }
    expect(await titles('cloud | nothing')).toEqual([]); // '|' is a separator: both words are required
    expect(await titles('!cloud')).toEqual(["O'Brien's cloud (phase 2) & more"]); // not a negation
    expect(await titles("o'brien phase 2")).toEqual(["O'Brien's cloud (phase 2) & more"]);
    expect(await titles('ＣＬＯＵＤ')).toEqual(["O'Brien's cloud (phase 2) & more"]); // full-width letters, NFKC

    for (const text of ["'&|!:()\\", '', '   ']) {
      const res = await q(text);
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect(res.json.errors[0].path).toBe('query.q');
    }
    const long = await q('x'.repeat(201));
    expect(long.status).toBe(400);
    expect((await search('q=x&limit=51')).json.errors[0].path).toBe('query.limit');
    const type = await search('q=x&types=goal,spaceship');
    expect(type.status).toBe(400);
    expect(type.json.errors[0].path).toBe('query.types');
    const empty = await q('nothingmatchesthis');
    expect(empty.status).toBe(200);
    expect(empty.json.items).toEqual([]);
  });

  it('escapes HTML in titles and snippets; only <mark> comes back as markup', async () => {
    await goal('<script>alert(1)</script> Zebra crossing', 'Zebra <img src=x onerror=alert(2)> & "quotes"');
    const [hit] = (await q('zebra')).json.items;
    expect(hit.title).toBe('<script>alert(1)</script> Zebra crossing');
    expect(hit.titleHighlight).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>Zebra</mark> crossing');
    expect(hit.snippet).toBe('<mark>Zebra</mark> &lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
    expect(hit.titleHighlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never returns another workspace\'s documents', async () => {
    const mine = await goal('Quokka programme');
    const res = await owner.request('POST', `/api/v1/workspaces/${other.slug}/goals`, { title: 'Quokka elsewhere' });
    expect((await q('quokka')).json.items.map((i: any) => i.entityId)).toEqual([mine]);
    expect((await search('q=quokka', other.slug)).json.items.map((i: any) => i.entityId)).toEqual([res.json.id]);
  });

  it('filters by type and covers initiatives, business units, action items', async () => {
    await goal('Walrus goal');
    await owner.request('POST', `${base()}/initiatives`, { title: 'Walrus initiative', description: 'x' });
    await owner.request('POST', `${base()}/business-units`, { name: 'Walrus unit', description: 'Walrus keepers' });
    const all = (await q('walrus')).json.items.map((i: any) => i.entityType).sort();
    expect(all).toEqual(['business_unit', 'goal', 'initiative']);
    expect((await q('walrus', '&types=initiative,business_unit')).json.items.map((i: any) => i.entityType).sort()).toEqual(['business_unit', 'initiative']);
    expect((await q('walrus', '&limit=1')).json.items).toHaveLength(1);
  });
});

describe('indexChange', () => {
  it('follows create, update, archive and restore through the audited changes', async () => {
    const id = await goal('Narwhal launch', 'first text');
    expect(await titles('narwhal')).toEqual(['Narwhal launch']);
    await owner.request('PATCH', `${base()}/goals/${id}`, { title: 'Beluga launch', description: 'second text' });
    expect(await titles('narwhal')).toEqual([]);
    expect((await q('beluga second')).json.items[0]).toMatchObject({ title: 'Beluga launch', snippet: '<mark>second</mark> text' });
    await owner.request('POST', `${base()}/goals/${id}/archive`);
    expect(await titles('beluga')).toEqual([]);
    expect((await q('beluga', '&includeArchived=true')).json.items[0]).toMatchObject({ entityId: id, archived: true });
    await owner.request('POST', `${base()}/goals/${id}/restore`);
    expect((await q('beluga')).json.items[0]).toMatchObject({ entityId: id, archived: false });
  });

  it('indexes comments under their parent, with mentions as @Name, retitles on rename, drops deleted ones', async () => {
    const { db } = database;
    const goalId = await goal('Platypus plan');
    const [c] = (await db.execute<{ id: string }>(sql`
      insert into comments (workspace_id, entity_type, entity_id, author_user_id, body, body_html)
      values (${ws.id}, 'goal', ${goalId}, ${owner.userId}, ${`Ask @[Ada Lovelace](user:${owner.userId}) about the echidna`}, '') returning id`)).rows;
    const after = { id: c!.id, entityType: 'goal', entityId: goalId, body: `Ask @[Ada Lovelace](user:${owner.userId}) about the echidna`, deletedAt: null };
    const change = { workspaceId: ws.id, action: 'comment.create', entityType: 'comment', entityId: c!.id, after, id: 1, at: new Date(), actorName: null, ctx: systemAudit };
    await indexChange(db, change);
    const [hit] = (await q('echidna')).json.items;
    expect(hit).toMatchObject({ entityType: 'comment', entityId: c!.id, title: 'Comment on Platypus plan', link: `/goals/${goalId}` });
    expect(hit.snippet).toBe('Ask @Ada Lovelace about the <mark>echidna</mark>');
    expect((await q('ada echidna')).json.items).toHaveLength(1);
    expect((await q('user')).json.items.find((i: any) => i.entityId === c!.id)).toBeUndefined();

    await owner.request('PATCH', `${base()}/goals/${goalId}`, { title: 'Wombat plan' });
    expect((await q('echidna')).json.items[0].title).toBe('Comment on Wombat plan');

    await indexChange(db, { ...change, action: 'comment.delete', after: { ...after, deletedAt: new Date().toISOString() } });
    expect(await titles('echidna')).toEqual([]);
    await indexChange(db, change);
    expect(await titles('echidna')).toHaveLength(1);
    await indexChange(db, { ...change, action: 'comment.purge', after: null });
    expect(await titles('echidna')).toEqual([]);
  });

  it('keeps a comment archived while what it is on is archived, and follows archive and restore', async () => {
    const { db } = database;
    const goalId = await goal('Pangolin plan');
    const comment = async (body: string) => {
      const [c] = (await db.execute<{ id: string }>(sql`
        insert into comments (workspace_id, entity_type, entity_id, author_user_id, body, body_html)
        values (${ws.id}, 'goal', ${goalId}, ${owner.userId}, ${body}, '') returning id`)).rows;
      await indexChange(db, {
        workspaceId: ws.id, action: 'comment.create', entityType: 'comment', entityId: c!.id,
        after: { entityType: 'goal', entityId: goalId, body, deletedAt: null }, id: 1, at: new Date(), actorName: null, ctx: systemAudit,
      });
      return c!.id;
    };
    const live = await comment('The armadillo question');
    const archived = (hit: any) => [hit.entityType, hit.archived];
    expect((await q('armadillo')).json.items.map(archived)).toEqual([['comment', false]]);

    await owner.request('POST', `${base()}/goals/${goalId}/archive`);
    expect((await q('armadillo')).json.items).toEqual([]);
    expect((await q('armadillo', '&includeArchived=true')).json.items.map(archived)).toEqual([['comment', true]]);
    // Made while the goal is archived: archived from the start, and so after a reindex.
    await comment('Another armadillo');
    expect((await q('armadillo', '&includeArchived=true')).json.items.map(archived)).toEqual([['comment', true], ['comment', true]]);
    await reindexWorkspace(db, ws.id);
    expect((await q('armadillo', '&includeArchived=true')).json.items.map(archived)).toEqual([['comment', true], ['comment', true]]);

    await owner.request('POST', `${base()}/goals/${goalId}/restore`);
    const back = (await q('armadillo')).json.items;
    expect(back.map(archived)).toEqual([['comment', false], ['comment', false]]);
    expect(back.map((h: any) => h.entityId)).toContain(live);
  });

  it('indexes every registered entity kind with a search part, and comments', () => {
    expect(searchableTypes().sort()).toEqual(['action_item', 'business_unit', 'capability', 'comment', 'goal', 'initiative', 'team', 'theme']);
  });

  it('ignores types it does not index', async () => {
    await indexChange(database.db, {
      workspaceId: ws.id, action: 'member.add', entityType: 'member', entityId: owner.userId, after: { title: 'Member' }, id: 1, at: new Date(), actorName: null, ctx: systemAudit,
    });
    expect(await titles('member')).toEqual([]);
  });
});

describe('reindexing', () => {
  it('rebuilds a workspace from the source tables', async () => {
    const { db } = database;
    await goal('Capybara goal', 'capybara body');
    // Written behind the audit log's back: only a reindex can know of them.
    await db.execute(sql`insert into action_items (workspace_id, title, description) values (${ws.id}, 'Capybara follow-up', 'call the capybara vendor')`);
    await db.execute(sql`insert into action_items (workspace_id, title, archived_at) values (${ws.id}, 'Capybara old task', now())`);
    await db.execute(sql`delete from search_documents where workspace_id = ${ws.id} and entity_type = 'goal'`);
    expect(await titles('capybara')).toEqual([]);

    const n = await reindexWorkspace(db, ws.id);
    expect(n).toBeGreaterThan(10);
    expect((await titles('capybara', '&includeArchived=true')).slice(0, 2).sort()).toEqual(['Capybara follow-up', 'Capybara goal']);
    expect((await titles('capybara', '&includeArchived=true'))[2]).toBe('Capybara old task');
    expect((await q('capybara', '&types=action_item')).json.items[0]).toMatchObject({ archived: false, link: expect.stringMatching(/^\/actions\?item=/) });
    const counts = await db.execute<{ n: number }>(sql`select count(*)::int as n from search_documents where workspace_id = ${ws.id}`);
    expect(counts.rows[0]!.n).toBe(n);
  });

  it('builds the index at start only when it is empty and there is something to index', async () => {
    const { db } = database;
    expect(await reindexIfEmpty(db)).toBe(0);
    await db.execute(sql`delete from search_documents`);
    const n = await reindexIfEmpty(db);
    expect(n).toBeGreaterThan(0);
    expect((await titles('capybara')).sort()).toEqual(['Capybara follow-up', 'Capybara goal']);
    expect(await titles('quokka')).toEqual(['Quokka programme']);
    expect(await reindexIfEmpty(db)).toBe(0);
  });
});
