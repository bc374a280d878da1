import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/client';
import { lockHolder } from '../../test/concurrency';
import { addMember, type Client, ORIGIN, setupOwner, testApp, type TestApp } from '../../test/harness';
import { goals, initiatives } from '../tables';
import { customFieldCondition } from './conditions';

let db: Db;
let app: TestApp;
let owner: Client;
let admin: Client;
let member: Client;
let viewer: Client;
let ws: string;
let wsId: string;
let otherWs: string;
let url: string;

beforeAll(async () => {
  const t = await testApp();
  db = t.database.db;
  url = t.url;
  app = t.app;
  const s = await setupOwner(t.app, { workspaceName: 'Fields Co' });
  owner = s.owner;
  ws = s.workspace.slug;
  wsId = s.workspace.id;
  admin = await addMember(t.app, owner, ws, 'admin');
  member = await addMember(t.app, owner, ws, 'member');
  viewer = await addMember(t.app, owner, ws, 'viewer');
  otherWs = (await owner.request('POST', '/api/v1/workspaces', { name: 'Other Fields Ltd' })).json.slug;
});

const base = () => `/api/v1/workspaces/${ws}`;

async function field(body: Record<string, unknown>) {
  const res = await admin.request('POST', `${base()}/custom-fields`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

async function goal(title: string) {
  return (await member.request('POST', `${base()}/goals`, { title })).json;
}

describe('custom field definitions', () => {
  it('are created, listed by entity type, edited, archived and restored by admins', async () => {
    const region = await field({ entityType: 'initiative', label: 'Region', type: 'single_choice', options: ['EMEA', 'APAC', 'Americas'] });
    expect(region).toMatchObject({ label: 'Region', type: 'single_choice', options: ['EMEA', 'APAC', 'Americas'], required: false, position: 0, archivedAt: null });
    const cost = await field({ entityType: 'initiative', label: 'Cost centre', type: 'text', required: true });
    expect(cost.position).toBe(1);
    const review = await field({ entityType: 'goal', label: 'Region', type: 'date' });

    const forInitiatives = await viewer.request('GET', `${base()}/custom-fields?entityType=initiative`);
    expect(forInitiatives.status).toBe(200);
    expect(forInitiatives.json.items.map((f: any) => f.label)).toEqual(['Region', 'Cost centre']);
    expect(forInitiatives.json.nextCursor).toBeNull();
    const all = await viewer.request('GET', `${base()}/custom-fields`);
    expect(all.json.items.map((f: any) => f.id)).toEqual([review.id, region.id, cost.id]);

    const edited = await admin.request('PATCH', `${base()}/custom-fields/${region.id}`, { label: 'Sales region', options: ['EMEA', 'APAC', 'Americas', 'Oceania'], position: 5 });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ label: 'Sales region', options: ['EMEA', 'APAC', 'Americas', 'Oceania'], position: 5 });

    expect((await admin.request('POST', `${base()}/custom-fields/${cost.id}/archive`)).json.archivedAt).not.toBeNull();
    expect((await viewer.request('GET', `${base()}/custom-fields?entityType=initiative`)).json.items.map((f: any) => f.label)).toEqual(['Sales region']);
    expect((await viewer.request('GET', `${base()}/custom-fields?entityType=initiative&includeArchived=true`)).json.items).toHaveLength(2);
    expect((await admin.request('PATCH', `${base()}/custom-fields/${cost.id}`, { label: 'x' })).status).toBe(409);
    expect((await admin.request('POST', `${base()}/custom-fields/${cost.id}/restore`)).json.archivedAt).toBeNull();
    expect((await admin.request('PATCH', `${base()}/custom-fields/${cost.id}`, { required: false })).json.required).toBe(false);

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${region.id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(['custom_field.create', 'custom_field.update']);
    expect(audit.json.items.find((e: any) => e.action === 'custom_field.update').before.label).toBe('Region');
  });

  it('refuse bad definitions with field paths, and duplicate labels with 409', async () => {
    const before = (await viewer.request('GET', `${base()}/custom-fields?includeArchived=true`)).json.items.length;
    const noOptions = await admin.request('POST', `${base()}/custom-fields`, { entityType: 'goal', label: 'Tier', type: 'multi_choice', options: [] });
    expect(noOptions.status).toBe(400);
    expect(noOptions.json.errors).toEqual([{ path: 'body.options', message: 'a choice field needs at least one option' }]);
    const dup = await admin.request('POST', `${base()}/custom-fields`, { entityType: 'goal', label: 'Tier', type: 'single_choice', options: ['Gold', 'gold'] });
    expect(dup.json.errors[0].path).toBe('body.options');
    const textOptions = await admin.request('POST', `${base()}/custom-fields`, { entityType: 'goal', label: 'Tier', type: 'text', options: ['x'] });
    expect(textOptions.json.errors[0].path).toBe('body.options');
    const bad = await admin.request('POST', `${base()}/custom-fields`, { entityType: 'service', label: '', type: 'colour' });
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['body.entityType', 'body.label', 'body.type']);

    await field({ entityType: 'goal', label: 'Sponsor', type: 'user' });
    const clash = await admin.request('POST', `${base()}/custom-fields`, { entityType: 'goal', label: '  SPONSOR ', type: 'text' });
    expect(clash.status).toBe(409);
    // The same label on the other entity type is fine.
    await field({ entityType: 'initiative', label: 'Sponsor', type: 'user' });
    const renamed = await field({ entityType: 'goal', label: 'Budget owner', type: 'user' });
    expect((await admin.request('PATCH', `${base()}/custom-fields/${renamed.id}`, { label: 'sponsor' })).status).toBe(409);
    // Options on a text field, through an edit.
    expect((await admin.request('PATCH', `${base()}/custom-fields/${renamed.id}`, { options: ['a'] })).json.errors[0].path).toBe('body.options');
    expect((await viewer.request('GET', `${base()}/custom-fields?includeArchived=true`)).json.items.length).toBe(before + 3);
  });

  it('are managed by admins only; another workspace’s field is not found', async () => {
    const f = await field({ entityType: 'goal', label: 'Admins only', type: 'number' });
    expect((await member.request('POST', `${base()}/custom-fields`, { entityType: 'goal', label: 'Mine', type: 'text' })).status).toBe(403);
    expect((await member.request('PATCH', `${base()}/custom-fields/${f.id}`, { label: 'Mine' })).status).toBe(403);
    expect((await member.request('POST', `${base()}/custom-fields/${f.id}/archive`)).status).toBe(403);
    expect((await viewer.request('GET', `${base()}/custom-fields`)).status).toBe(200);
    expect((await owner.request('PATCH', `/api/v1/workspaces/${otherWs}/custom-fields/${f.id}`, { label: 'Stolen' })).status).toBe(404);
    expect((await owner.request('POST', `/api/v1/workspaces/${otherWs}/custom-fields/${f.id}/archive`)).status).toBe(404);
  });

  it('keep their type and their chosen options while values use them (409)', async () => {
    const mode = await field({ entityType: 'goal', label: 'Transport modes', type: 'multi_choice', options: ['Road', 'Rail', 'Sea'] });
    const size = await field({ entityType: 'goal', label: 'Size', type: 'single_choice', options: ['S', 'M', 'L'] });
    // Without values the type may change (and a type without options drops them).
    const toText = await admin.request('PATCH', `${base()}/custom-fields/${size.id}`, { type: 'text' });
    expect(toText.json).toMatchObject({ type: 'text', options: [] });
    const back = await admin.request('PATCH', `${base()}/custom-fields/${size.id}`, { type: 'single_choice', options: ['S', 'M', 'L'] });
    expect(back.status).toBe(200);

    const g = await goal('Shift freight to rail');
    expect((await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [mode.id]: ['Rail'], [size.id]: 'L' } })).status).toBe(200);

    const typeChange = await admin.request('PATCH', `${base()}/custom-fields/${mode.id}`, { type: 'single_choice' });
    expect(typeChange.status).toBe(409);
    expect((await admin.request('PATCH', `${base()}/custom-fields/${size.id}`, { type: 'text' })).status).toBe(409);
    // Removing an option in use is refused; one not in use may go.
    expect((await admin.request('PATCH', `${base()}/custom-fields/${mode.id}`, { options: ['Road', 'Sea'] })).status).toBe(409);
    expect((await admin.request('PATCH', `${base()}/custom-fields/${size.id}`, { options: ['S', 'M'] })).status).toBe(409);
    const trimmed = await admin.request('PATCH', `${base()}/custom-fields/${mode.id}`, { options: ['Rail', 'Road', 'Air'] });
    expect(trimmed.status).toBe(200);
    expect(trimmed.json.options).toEqual(['Rail', 'Road', 'Air']);
    // Unchanged type is not a change.
    expect((await admin.request('PATCH', `${base()}/custom-fields/${mode.id}`, { type: 'multi_choice', position: 9 })).status).toBe(200);
  });

  it('do not lose an option while a value choosing it is being saved at the same moment', async () => {
    const tier = await field({ entityType: 'goal', label: 'Service tier', type: 'single_choice', options: ['Gold', 'Silver'] });
    const g = await goal('Premium delivery');
    // Hold the workspace row: the value's save reads the field, then waits before commit (its audit
    // entry needs the row); the option's removal starts meanwhile.
    const holder = await lockHolder(url);
    try {
      await holder.query('select 1 from workspaces where id = $1 for update', [wsId]);
      const save = member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [tier.id]: 'Silver' } });
      await holder.waiters(1);
      const remove = admin.request('PATCH', `${base()}/custom-fields/${tier.id}`, { options: ['Gold'] });
      await holder.waiters(2);
      await holder.release();
      const [saved, removed] = await Promise.all([save, remove]);
      expect(saved.status).toBe(200);
      expect(removed.status).toBe(409);
      expect(removed.json.detail).toMatch(/“Silver” is chosen on some goals/);
    } finally {
      await holder.end();
    }
    const now = (await admin.request('GET', `${base()}/custom-fields?entityType=goal`)).json.items.find((f: any) => f.id === tier.id);
    expect(now.options).toEqual(['Gold', 'Silver']);
    expect((await member.request('GET', `${base()}/goals/${g.id}`)).json.customFields).toEqual({ [tier.id]: 'Silver' });
  });
});

describe('custom field values', () => {
  let fields: Record<string, any>;
  beforeAll(async () => {
    const mk = (entityType: string, label: string, type: string, extra: Record<string, unknown> = {}) => field({ entityType, label, type, ...extra });
    fields = {
      note: await mk('goal', 'Note', 'text'),
      budget: await mk('goal', 'Budget', 'number'),
      review: await mk('goal', 'Review date', 'date'),
      risk: await mk('goal', 'Risk', 'single_choice', { options: ['Low', 'High'] }),
      lanes: await mk('goal', 'Lanes', 'multi_choice', { options: ['North', 'South', 'East'] }),
      sponsorUser: await mk('goal', 'Executive sponsor', 'user'),
      cc: await mk('initiative', 'Cost centre code', 'text', { required: true }),
    };
  });

  it('are set, kept, cleared and audited on a goal', async () => {
    const g = await goal('Values goal');
    const put = await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, {
      values: {
        [fields.note.id]: '  Ask finance ', [fields.budget.id]: 1250.5, [fields.review.id]: '2026-09-30', [fields.risk.id]: 'High',
        [fields.lanes.id]: ['South', 'North'], [fields.sponsorUser.id]: member.userId,
      },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(put.json.values).toEqual({
      [fields.note.id]: 'Ask finance', [fields.budget.id]: 1250.5, [fields.review.id]: '2026-09-30', [fields.risk.id]: 'High',
      [fields.lanes.id]: ['North', 'South'], [fields.sponsorUser.id]: member.userId,
    });
    const cleared = await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.note.id]: null, [fields.lanes.id]: [] } });
    expect(Object.keys(cleared.json.values).sort()).toEqual([fields.budget.id, fields.review.id, fields.risk.id, fields.sponsorUser.id].sort());

    const [row] = await db.select({ v: goals.customFields }).from(goals).where(eq(goals.id, g.id));
    expect(row!.v).toEqual(cleared.json.values);

    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${g.id}`);
    const entries = audit.json.items.filter((e: any) => e.action === 'goal.custom_fields');
    expect(entries).toHaveLength(2);
    const last = entries.find((e: any) => e.after.customFields[fields.note.id] === undefined);
    expect(last.entityType).toBe('goal');
    expect(last.before.customFields[fields.note.id]).toBe('Ask finance');
    expect(last.after).toMatchObject({ title: 'Values goal' });

    // The same values again change nothing and are not audited.
    await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.budget.id]: 1250.5 } });
    const again = await owner.request('GET', `${base()}/audit-log?entityId=${g.id}`);
    expect(again.json.items.filter((e: any) => e.action === 'goal.custom_fields')).toHaveLength(2);
  });

  it('are validated per type at body.values.<fieldId>, and nothing changes on error', async () => {
    const g = await goal('Validation goal');
    await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.budget.id]: 7 } });
    const stranger = '00000000-0000-4000-8000-000000000000';
    const cases: [string, unknown, RegExp][] = [
      [fields.note.id, 'x'.repeat(2001), /2000/],
      [fields.note.id, 42, /text/],
      [fields.budget.id, '12', /number/],
      [fields.review.id, '2026-02-30', /date/],
      [fields.risk.id, 'Medium', /options/],
      [fields.lanes.id, ['North', 'North'], /twice/],
      [fields.lanes.id, ['West'], /options/],
      [fields.lanes.id, 'North', /list/],
      [fields.sponsorUser.id, 'olivia', /user id/],
      [fields.sponsorUser.id, stranger, /not a member/],
      [fields.cc.id, 'CC-1', /not a custom field/],
      ['not-a-field', 'x', /not a custom field/],
    ];
    for (const [id, value, message] of cases) {
      const res = await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.note.id]: 'fine', [id]: value } });
      expect(res.status, `${id} ${JSON.stringify(value)}`).toBe(400);
      expect(res.json.errors, `${id} ${JSON.stringify(value)}`).toEqual([{ path: `body.values.${id}`, message: expect.stringMatching(message) }]);
    }
    // JSON's 1e400 is Infinity: not finite.
    const huge = await app.inject({
      method: 'PUT', url: `${base()}/goals/${g.id}/custom-fields`, payload: `{"values":{"${fields.budget.id}":1e400}}`,
      headers: { cookie: member.cookie, origin: ORIGIN, 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].path).toBe(`body.values.${fields.budget.id}`);
    expect((await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, {})).json.errors[0].path).toBe('body.values');

    const [row] = await db.select({ v: goals.customFields }).from(goals).where(eq(goals.id, g.id));
    expect(row!.v).toEqual({ [fields.budget.id]: 7 });
  });

  it('refuse archived fields, keep their values, and enforce required fields on initiatives', async () => {
    const g = await goal('Archived field goal');
    await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.risk.id]: 'Low' } });
    await admin.request('POST', `${base()}/custom-fields/${fields.risk.id}/archive`);
    const refused = await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.risk.id]: 'High' } });
    expect(refused.json.errors[0]).toEqual({ path: `body.values.${fields.risk.id}`, message: expect.stringMatching(/archived/) });
    const other = await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.budget.id]: 3 } });
    expect(other.json.values).toEqual({ [fields.risk.id]: 'Low', [fields.budget.id]: 3 });
    await admin.request('POST', `${base()}/custom-fields/${fields.risk.id}/restore`);

    const ini = (await member.request('POST', `${base()}/initiatives`, { title: 'Cross-dock scanners' })).json;
    const missing = await member.request('PUT', `${base()}/initiatives/${ini.id}/custom-fields`, { values: {} });
    expect(missing.json.errors).toEqual([{ path: `body.values.${fields.cc.id}`, message: 'is required' }]);
    const ok = await member.request('PUT', `${base()}/initiatives/${ini.id}/custom-fields`, { values: { [fields.cc.id]: 'CC-4411' } });
    expect(ok.json.values).toEqual({ [fields.cc.id]: 'CC-4411' });
    const clear = await member.request('PUT', `${base()}/initiatives/${ini.id}/custom-fields`, { values: { [fields.cc.id]: '' } });
    expect(clear.json.errors[0]).toEqual({ path: `body.values.${fields.cc.id}`, message: 'is required' });
    // A goal field is not an initiative field.
    const wrongKind = await member.request('PUT', `${base()}/initiatives/${ini.id}/custom-fields`, { values: { [fields.cc.id]: 'CC-1', [fields.note.id]: 'x' } });
    expect(wrongKind.json.errors[0].path).toBe(`body.values.${fields.note.id}`);
    const audit = await owner.request('GET', `${base()}/audit-log?entityId=${ini.id}`);
    expect(audit.json.items.find((e: any) => e.action === 'initiative.custom_fields')).toMatchObject({ entityType: 'initiative' });
  });

  it('belong to members: viewers cannot set them, other workspaces’ items are not found, archived items take none', async () => {
    const g = await goal('Rights goal');
    expect((await viewer.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.budget.id]: 1 } })).status).toBe(403);
    const theirs = (await owner.request('POST', `/api/v1/workspaces/${otherWs}/goals`, { title: 'Their goal' })).json;
    expect((await member.request('PUT', `${base()}/goals/${theirs.id}/custom-fields`, { values: {} })).status).toBe(404);
    // Our field on their goal, through their workspace: unknown there.
    const cross = await owner.request('PUT', `/api/v1/workspaces/${otherWs}/goals/${theirs.id}/custom-fields`, { values: { [fields.budget.id]: 1 } });
    expect(cross.status).toBe(400);
    expect(cross.json.errors[0].path).toBe(`body.values.${fields.budget.id}`);
    await member.request('POST', `${base()}/goals/${g.id}/archive`);
    expect((await member.request('PUT', `${base()}/goals/${g.id}/custom-fields`, { values: { [fields.budget.id]: 1 } })).status).toBe(409);
  });

  it('can be filtered on with customFieldCondition (jsonb containment)', async () => {
    const a = await goal('Filter A');
    const b = await goal('Filter B');
    await member.request('PUT', `${base()}/goals/${a.id}/custom-fields`, { values: { [fields.risk.id]: 'High', [fields.lanes.id]: ['North', 'East'], [fields.budget.id]: 10 } });
    await member.request('PUT', `${base()}/goals/${b.id}/custom-fields`, { values: { [fields.risk.id]: 'Low', [fields.lanes.id]: ['North'], [fields.budget.id]: 10.0 } });
    const titles = async (fieldId: string, value: unknown) =>
      (await db.select({ t: goals.title }).from(goals).where(and(eq(goals.workspaceId, wsId), customFieldCondition(goals, fieldId, value))))
        .map((r) => r.t).filter((t) => t.startsWith('Filter')).sort();
    expect(await titles(fields.risk.id, 'High')).toEqual(['Filter A']);
    expect(await titles(fields.lanes.id, ['North'])).toEqual(['Filter A', 'Filter B']);
    expect(await titles(fields.lanes.id, ['North', 'East'])).toEqual(['Filter A']);
    expect(await titles(fields.budget.id, 10)).toEqual(['Filter A', 'Filter B']);
    expect(await titles(fields.risk.id, "High' or true --")).toEqual([]);
    // The helper works on initiatives too.
    const n = await db.select({ id: initiatives.id }).from(initiatives).where(customFieldCondition(initiatives, fields.cc.id, 'CC-4411'));
    expect(n).toHaveLength(1);
  });
});
