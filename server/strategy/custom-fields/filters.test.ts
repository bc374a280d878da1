import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setupOwner, testApp } from '../../test/harness';

let owner: Client;
let member: Client;
let viewer: Client;
let ws: string;
let otherWs: string;
const f: Record<string, any> = {};
const g: Record<string, string> = {};
const i: Record<string, string> = {};

const base = () => `/api/v1/workspaces/${ws}`;

async function post(path: string, body: unknown, as: Client = owner): Promise<any> {
  const res = await as.request('POST', `${base()}${path}`, body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}
async function put(path: string, body: unknown) {
  const res = await owner.request('PUT', `${base()}${path}`, body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
}
const q = (param: string, fieldId: string, value: string) => `${param}=${encodeURIComponent(`${fieldId}:${value}`)}`;
const titles = async (path: string) => {
  const res = await viewer.request('GET', `${base()}${path}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.items.map((x: any) => x.title).sort();
};

beforeAll(async () => {
  const { app } = await testApp();
  const s = await setupOwner(app, { workspaceName: 'Filter Fields Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  member = await addMember(app, owner, ws, 'member');
  viewer = await addMember(app, owner, ws, 'viewer');
  otherWs = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other Filter Ltd' })).json.slug;

  for (const entityType of ['goal', 'initiative'] as const) {
    const p = entityType === 'goal' ? 'g' : 'i';
    f[`${p}Size`] = await post('/custom-fields', { entityType, label: 'Size', type: 'single_choice', options: ['S', 'M', 'L'] });
    f[`${p}Modes`] = await post('/custom-fields', { entityType, label: 'Modes', type: 'multi_choice', options: ['Road', 'Rail', 'Sea'] });
    f[`${p}Code`] = await post('/custom-fields', { entityType, label: 'Code', type: 'text' });
    f[`${p}Sponsor`] = await post('/custom-fields', { entityType, label: 'Sponsor', type: 'user' });
    f[`${p}Budget`] = await post('/custom-fields', { entityType, label: 'Budget', type: 'number' });
    f[`${p}Old`] = await post('/custom-fields', { entityType, label: 'Old', type: 'text' });
  }
  await post(`/custom-fields/${f.gOld.id}/archive`, undefined);
  await post(`/custom-fields/${f.iOld.id}/archive`, undefined);

  const items: [string, Record<string, string>, string, Record<string, unknown>][] = [];
  for (const [p, store, path] of [['g', g, 'goals'], ['i', i, 'initiatives']] as const) {
    const values = (size: string | null, modes: string[], code: string | null, sponsor: string | null, budget: number | null) => ({
      [f[`${p}Size`].id]: size, [f[`${p}Modes`].id]: modes, [f[`${p}Code`].id]: code, [f[`${p}Sponsor`].id]: sponsor, [f[`${p}Budget`].id]: budget,
    });
    items.push(
      [path, store, 'One', values('S', ['Road', 'Rail'], 'AB-1', member.userId, 10)],
      [path, store, 'Two', values('L', ['Rail'], 'ab-1', owner.userId, 2.5)],
      [path, store, 'Three', values('S', ['Sea'], 'CD-2', null, null)],
      [path, store, 'Four', values(null, [], null, null, null)],
    );
  }
  for (const [path, store, title, values] of items) {
    store[title] = (await post(`/${path}`, { title })).id;
    await put(`/${path}/${store[title]}/custom-fields`, { values });
  }
});

describe('custom field filters on the goal and initiative lists', () => {
  for (const [p, path] of [['g', 'goals'], ['i', 'initiatives']] as const) {
    it(`filter ${path} by single choice, multiple choice, text, user and number fields`, async () => {
      expect(await titles(`/${path}?${q('field', f[`${p}Size`].id, 'S')}`)).toEqual(['One', 'Three']);
      expect(await titles(`/${path}?${q('field', f[`${p}Modes`].id, 'Rail')}`)).toEqual(['One', 'Two']);
      // Two options of a multiple choice field: items having both.
      expect(await titles(`/${path}?${q('field', f[`${p}Modes`].id, 'Rail')}&${q('field', f[`${p}Modes`].id, 'Road')}`)).toEqual(['One']);
      // Text matches exactly (case included), after trimming.
      expect(await titles(`/${path}?${q('field', f[`${p}Code`].id, ' AB-1 ')}`)).toEqual(['One']);
      expect(await titles(`/${path}?${q('field', f[`${p}Code`].id, 'AB')}`)).toEqual([]);
      expect(await titles(`/${path}?${q('field', f[`${p}Sponsor`].id, owner.userId.toUpperCase())}`)).toEqual(['Two']);
      expect(await titles(`/${path}?${q('field', f[`${p}Budget`].id, '2.5')}`)).toEqual(['Two']);
      // Several fields: all must match; with the other filters and paging too.
      expect(await titles(`/${path}?${q('field', f[`${p}Size`].id, 'S')}&${q('field', f[`${p}Modes`].id, 'Sea')}`)).toEqual(['Three']);
      expect(await titles(`/${path}?${q('field', f[`${p}Size`].id, 'S')}&q=thr`)).toEqual(['Three']);
      const first = await viewer.request('GET', `${base()}/${path}?${q('field', f[`${p}Size`].id, 'S')}&limit=1`);
      expect(first.json.items).toHaveLength(1);
      const second = await viewer.request('GET', `${base()}/${path}?${q('field', f[`${p}Size`].id, 'S')}&limit=1&cursor=${encodeURIComponent(first.json.nextCursor)}`);
      expect([first.json.items[0].title, second.json.items[0].title].sort()).toEqual(['One', 'Three']);
      expect(second.json.nextCursor).toBeNull();
      // Without a filter, everything.
      expect(await titles(`/${path}`)).toEqual(['Four', 'One', 'Three', 'Two']);
    });

    it(`refuse bad ${path} filters with 400 at query.field`, async () => {
      const bad = async (query: string, message: RegExp) => {
        const res = await viewer.request('GET', `${base()}/${path}?${query}`);
        expect(res.status, JSON.stringify(res.json)).toBe(400);
        expect(res.json.errors).toHaveLength(1);
        expect(res.json.errors[0].path).toMatch(/^query\.field/);
        expect(res.json.errors[0].message).toMatch(message);
      };
      const other = p === 'g' ? 'i' : 'g';
      // Another workspace's field, and a field of the other entity type.
      const foreign = (await owner.request('POST', `/api/v1/workspaces/${otherWs}/custom-fields`, { entityType: path === 'goals' ? 'goal' : 'initiative', label: `Foreign ${p}`, type: 'text' })).json;
      await bad(q('field', foreign.id, 'x'), /is not a custom field of/);
      await bad(q('field', f[`${other}Size`].id, 'S'), /is not a custom field of/);
      await bad(q('field', f[`${p}Old`].id, 'x'), /archived field/);
      await bad(q('field', f[`${p}Size`].id, 'XL'), /“Size” must be one of the field’s options/);
      await bad(q('field', f[`${p}Modes`].id, 'Air'), /“Modes” must list only the field’s options/);
      await bad(q('field', f[`${p}Budget`].id, 'ten'), /“Budget” must be a finite number/);
      await bad(q('field', f[`${p}Sponsor`].id, 'bob'), /“Sponsor” must be the user id/);
      await bad(q('field', f[`${p}Code`].id, ''), /needs a value/);
      await bad(`${q('field', f[`${p}Size`].id, 'S')}&${q('field', f[`${p}Size`].id, 'L')}`, /two different values/);
      await bad('field=Size:S', /must be <fieldId>:<value>/);
    });
  }
});

describe('custom field filters on the alignment matrix', () => {
  it('narrow the goals and the initiatives, and linkedOnly follows the goal filter', async () => {
    await post('/goal-links', { goalId: g.One, initiativeId: i.Two, strength: 'strong' });
    await post('/goal-links', { goalId: g.Two, initiativeId: i.Three, strength: 'weak' });
    const matrix = async (query: string) => {
      const res = await viewer.request('GET', `${base()}/alignment/matrix?${query}`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      return res.json;
    };
    const m = await matrix(`${q('goalField', f.gSize.id, 'S')}&${q('initiativeField', f.iModes.id, 'Rail')}`);
    expect(m.goals.map((x: any) => x.title).sort()).toEqual(['One', 'Three']);
    expect(m.initiatives.map((x: any) => x.title).sort()).toEqual(['One', 'Two']);
    expect(m.goalTotal).toBe(2);
    expect(m.links).toHaveLength(1);
    const linked = await matrix(`${q('goalField', f.gSize.id, 'S')}&linkedOnly=true`);
    expect(linked.initiatives.map((x: any) => x.title)).toEqual(['Two']);

    const res = await viewer.request('GET', `${base()}/alignment/matrix?${q('initiativeField', f.gSize.id, 'S')}`);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('query.initiativeField');
    const opt = await viewer.request('GET', `${base()}/alignment/matrix?${q('goalField', f.gSize.id, 'XL')}`);
    expect(opt.json.errors[0]).toMatchObject({ path: 'query.goalField' });
  });
});
