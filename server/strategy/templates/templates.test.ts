import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/client';
import { auditLog } from '../../platform/tables';
import { addMember, type Client, setupOwner, testApp } from '../../test/harness';
import { goals } from '../tables';

let db: Db;
let owner: Client;
let admin: Client;
let member: Client;
let viewer: Client;
let ws: { id: string; slug: string };

beforeAll(async () => {
  const t = await testApp();
  db = t.database.db;
  const s = await setupOwner(t.app, { workspaceName: 'Cascade Co' });
  owner = s.owner;
  ws = s.workspace;
  admin = await addMember(t.app, owner, ws.slug, 'admin');
  member = await addMember(t.app, owner, ws.slug, 'member');
  viewer = await addMember(t.app, owner, ws.slug, 'viewer');
});

const base = () => `/api/v1/workspaces/${ws.slug}`;
const imported = (workspaceId: string) =>
  db.select().from(goals).where(and(eq(goals.workspaceId, workspaceId), isNotNull(goals.templateKey)));

describe('goal templates', () => {
  it('lists the COBIT 2019 cascade to viewers', async () => {
    const res = await viewer.request('GET', `${base()}/goal-templates`);
    expect(res.status).toBe(200);
    expect(res.json.nextCursor).toBeNull();
    const [cobit] = res.json.items;
    expect(cobit).toMatchObject({ id: 'cobit2019', name: 'COBIT 2019 goals cascade' });
    expect(cobit.goals).toHaveLength(26);
    expect(cobit.goals[13]).toMatchObject({ code: 'AG01', parentCode: 'EG03', templateKey: 'cobit2019:AG01' });
  });

  it('is imported by admins only', async () => {
    expect((await member.request('POST', `${base()}/goal-templates/cobit2019/import`, {})).status).toBe(403);
    expect((await viewer.request('POST', `${base()}/goal-templates/cobit2019/import`, {})).status).toBe(403);
    expect((await admin.request('POST', `${base()}/goal-templates/togaf/import`, {})).status).toBe(404);
    expect((await admin.request('POST', `${base()}/goal-templates/cobit2019/import`, { status: 'someday' })).json.errors[0].path).toBe('body.status');
    expect(await imported(ws.id)).toHaveLength(0);
  });

  it('creates 13 enterprise goals with their 13 alignment goals below, audited, then skips what exists', async () => {
    const res = await admin.request('POST', `${base()}/goal-templates/cobit2019/import`, {});
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ templateId: 'cobit2019', created: 26, skipped: 0 });
    const rows = await imported(ws.id);
    expect(rows).toHaveLength(26);
    const byKey = new Map(rows.map((g) => [g.templateKey!, g]));
    const eg01 = byKey.get('cobit2019:EG01')!;
    expect(eg01).toMatchObject({ title: 'EG01 Portfolio of competitive products and services', status: 'draft', weight: 50, parentGoalId: null });
    expect(eg01.description.length).toBeGreaterThan(80);
    expect(byKey.get('cobit2019:AG03')!.parentGoalId).toBe(eg01.id);
    expect(byKey.get('cobit2019:AG06')!.parentGoalId).toBe(byKey.get('cobit2019:EG13')!.id);
    expect(byKey.get('cobit2019:AG13')!.parentGoalId).toBe(byKey.get('cobit2019:EG13')!.id);
    expect(rows.filter((g) => g.templateKey!.includes(':EG')).every((g) => g.parentGoalId === null)).toBe(true);
    expect(rows.filter((g) => g.templateKey!.includes(':AG')).every((g) => g.parentGoalId !== null)).toBe(true);

    const audits = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, 'goal.create')));
    expect(audits.filter((a) => rows.some((g) => g.id === a.entityId))).toHaveLength(26);
    // The goals are ordinary goals: listed and readable.
    const listed = await viewer.request('GET', `${base()}/goals?q=EG0&limit=50`);
    expect(listed.json.items.length).toBeGreaterThanOrEqual(9);

    // Each entry has the shape POST /goals audits: the goal as the API shows it, with its figures at zero.
    const posted = (await admin.request('POST', `${base()}/goals`, { title: 'Posted goal' })).json;
    const [postedEntry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'goal.create'), eq(auditLog.entityId, posted.id)));
    const ag03 = byKey.get('cobit2019:AG03')!;
    const entry = audits.find((a) => a.entityId === ag03.id)!;
    expect(Object.keys(entry.after as object).sort()).toEqual(Object.keys(postedEntry!.after as object).sort());
    const shown = (await viewer.request('GET', `${base()}/goals?q=AG03`)).json.items[0];
    expect(entry.after).toEqual(shown);
    expect(entry.after).toMatchObject({ parentGoalId: eg01.id, linkCount: 0, keyResultCount: 0, childCount: 0, progress: null, customFields: {} });

    // Again: nothing new.
    const again = await admin.request('POST', `${base()}/goal-templates/cobit2019/import`);
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect(again.json).toMatchObject({ created: 0, skipped: 26 });
    expect(await imported(ws.id)).toHaveLength(26);
  });

  it('fills in only the missing goals, keeping archived ones, and hangs new alignment goals under the existing parents', async () => {
    const s = await owner.request('POST', '/api/v1/workspaces', { name: 'Partial Cascade' });
    const other = `/api/v1/workspaces/${s.json.slug}`;
    await owner.request('POST', `${other}/goal-templates/cobit2019/import`, { status: 'active' });
    const rows = await imported(s.json.id);
    expect(rows.every((g) => g.status === 'active')).toBe(true);
    const eg05 = rows.find((g) => g.templateKey === 'cobit2019:EG05')!;
    const ag05 = rows.find((g) => g.templateKey === 'cobit2019:AG05')!;
    const ag07 = rows.find((g) => g.templateKey === 'cobit2019:AG07')!;
    // Archive EG05; delete AG05 and AG07 outright (as if never imported).
    expect((await owner.request('POST', `${other}/goals/${eg05.id}/archive`)).status).toBe(200);
    await db.delete(goals).where(eq(goals.id, ag05.id));
    await db.delete(goals).where(eq(goals.id, ag07.id));

    const res = await owner.request('POST', `${other}/goal-templates/cobit2019/import`, {});
    expect(res.json).toMatchObject({ created: 2, skipped: 24 });
    const after = await imported(s.json.id);
    expect(after).toHaveLength(26);
    const newAg05 = after.find((g) => g.templateKey === 'cobit2019:AG05')!;
    expect(newAg05.parentGoalId).toBe(eg05.id);
    expect(newAg05.status).toBe('draft');
    expect(after.find((g) => g.templateKey === 'cobit2019:EG05')!.archivedAt).not.toBeNull();
    // The first workspace is untouched by the second's imports.
    expect(await imported(ws.id)).toHaveLength(26);
  });
});
