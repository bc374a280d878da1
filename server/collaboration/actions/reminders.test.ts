import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { addMember, type Client, setupOwner, testApp, type TestApp } from '../../test/harness';
import { notifications } from '../tables';
import { runActionReminders } from './reminders';

let app: TestApp;
let database: Database;
let owner: Client;
let ada: Client;
let base: string;

beforeAll(async () => {
  ({ app, database } = await testApp());
  const s = await setupOwner(app, { workspaceName: 'Reminders Co' });
  owner = s.owner;
  base = `/api/v1/workspaces/${s.workspace.slug}/action-items`;
  ada = await addMember(app, owner, s.workspace.slug, 'member', 'Ada');
});

// The server's "today" is the UTC date of `now`: 23:30 UTC on 30 January 2030.
const now = new Date('2030-01-30T23:30:00Z');

async function create(title: string, dueDate: string | null, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await owner.request('POST', base, { title, dueDate, ownerUserId: ada.userId, ...extra });
  expect(res.status).toBe(201);
  return res.json.id;
}

async function reminders(ids: string[]) {
  const rows = await database.db.select().from(notifications)
    .where(and(eq(notifications.userId, ada.userId), inArray(notifications.entityId, ids), inArray(notifications.kind, ['action.due_soon', 'action.overdue'])));
  return rows.map((r) => `${r.kind} ${r.title}`).sort();
}

describe('action reminders', () => {
  it('reminds due-soon and overdue items once, even when two runs race, and again after a new due date', async () => {
    const today = await create('Today', '2030-01-30');
    const inTwo = await create('In two days', '2030-02-01'); // across the month end
    const inThree = await create('In three days', '2030-02-02');
    const late = await create('Late', '2030-01-29');
    const done = await create('Done', '2030-01-30', { status: 'done' });
    const cancelled = await create('Cancelled', '2030-01-28', { status: 'cancelled' });
    const archived = await create('Archived', '2030-01-30');
    await owner.request('POST', `${base}/${archived}/archive`);
    const nobody = await create('Nobody', '2030-01-30', { ownerUserId: null });
    const undated = await create('Undated', null);
    const all = [today, inTwo, inThree, late, done, cancelled, archived, nobody, undated];

    const runs = await Promise.all([runActionReminders(database.db, now), runActionReminders(database.db, now)]);
    expect(runs.reduce((n, r) => n + r.dueSoon, 0)).toBe(2);
    expect(runs.reduce((n, r) => n + r.overdue, 0)).toBe(1);
    const first = [
      'action.due_soon “In two days” is due on 2030-02-01',
      'action.due_soon “Today” is due today',
      'action.overdue “Late” is overdue (due 2030-01-29)',
    ];
    expect(await reminders(all)).toEqual(first);

    // Nothing new on a second run the same day.
    expect(await runActionReminders(database.db, now)).toEqual({ dueSoon: 0, overdue: 0 });

    // A new due date can be reminded again; the next day "Today" is overdue and "In three days" due soon.
    await ada.request('PATCH', `${base}/${late}`, { dueDate: '2030-01-31' });
    const nextDay = new Date('2030-01-31T00:10:00Z');
    const [a, b] = await Promise.all([runActionReminders(database.db, nextDay), runActionReminders(database.db, nextDay)]);
    expect(a.dueSoon + b.dueSoon).toBe(2);
    expect(a.overdue + b.overdue).toBe(1);
    expect(await reminders(all)).toEqual([
      ...first,
      'action.due_soon “In three days” is due on 2030-02-02',
      'action.due_soon “Late” is due today',
      'action.overdue “Today” is overdue (due 2030-01-30)',
    ].sort());
    expect(await reminders([done, cancelled, archived, nobody, undated])).toEqual([]);
  });

  it('reminds nobody about items of an archived workspace', async () => {
    const other = await owner.request('POST', '/api/v1/workspaces', { name: 'Archived Co' });
    const item = await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/action-items`, { title: 'Old', dueDate: '2030-01-01', ownerUserId: owner.userId });
    expect((await owner.request('POST', `/api/v1/workspaces/${other.json.slug}/archive`)).status).toBe(200);
    await runActionReminders(database.db, now);
    const rows = await database.db.select().from(notifications)
      .where(and(eq(notifications.entityId, item.json.id), inArray(notifications.kind, ['action.due_soon', 'action.overdue'])));
    expect(rows).toEqual([]);
  });
});
