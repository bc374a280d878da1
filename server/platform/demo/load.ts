import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { addDays, utcDate } from '../../../domain/collaboration/actions';
import { NOTIFICATION_KIND_NAMES } from '../../../domain/collaboration/kinds';
import { mentionToken } from '../../../domain/collaboration/mentions';
import type { TRole } from '../../../domain/platform/permissions';
import { createActionItem, updateActionItem } from '../../collaboration/actions/store';
import { createComment } from '../../collaboration/comments/store';
import { updatePreferences } from '../../collaboration/email/preferences';
import { actionItems, comments, notifications } from '../../collaboration/tables';
import { startWatching, stopWatching } from '../../collaboration/watches/store';
import { createInitiative } from '../../strategy/initiatives.store';
import { createGoal } from '../../strategy/goals.store';
import { createLink } from '../../strategy/links.store';
import { type AuditContext, recordAudit } from '../audit/record';
import { createBusinessUnit } from '../business-units/store';
import type { Queryable } from '../db/client';
import { memberships, users } from '../tables';
import { createUser, findUserByEmail } from '../users/store';
import { createWorkspace } from '../workspaces/store';
import * as acme from './acme';
import { loadStrategy } from './load-strategy';

/**
 * Creates the demo workspace "Acme Logistics" with ownerUserId as its owner, through the same
 * store functions the API uses (so everything is audited, indexed for search and notifies as it
 * would). The demo colleagues get accounts with random passwords: they appear as owners and
 * liaisons, comment and assign action items, nobody can sign in as them, and they get no e-mail.
 */
export async function loadDemoWorkspace(tx: Queryable, audit: AuditContext, ownerUserId: string) {
  const ws = await createWorkspace(tx, audit, { name: 'Acme Logistics', ownerUserId });
  const person = new Map<string, string>([['owner', ownerUserId]]);
  const [owner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ownerUserId));
  const people = new Map<acme.PersonKey, { userId: string; name: string; role: TRole }>([['owner', { userId: ownerUserId, name: owner!.name, role: 'owner' }]]);
  for (const p of acme.people) {
    const existing = await findUserByEmail(tx, p.email);
    const user = existing ?? (await createUser(tx, audit, { name: p.name, email: p.email, password: randomBytes(24).toString('hex') }));
    // Their addresses are made up: what they are notified of stays in the app.
    if (!existing) await updatePreferences(tx, audit, user.id, { kinds: NOTIFICATION_KIND_NAMES.map((kind) => ({ kind, inApp: true, email: 'off' })) });
    person.set(p.key, user.id);
    people.set(p.key, { userId: user.id, name: user.name, role: p.role });
    await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: p.role });
    await recordAudit(tx, audit, { workspaceId: ws.id, action: 'member.add', entityType: 'member', entityId: user.id, after: { userId: user.id, role: p.role } });
  }
  const who = (key: string | null) => (key ? (person.get(key) ?? null) : null);

  const unit = new Map<string, string>();
  for (const u of acme.units) {
    const row = await createBusinessUnit(tx, audit, ws.id, {
      name: u.name, description: u.description, headUserId: who(u.head), liaisonUserId: who(u.liaison), sponsorUserId: who(u.sponsor),
    });
    unit.set(u.key, row.id);
  }
  const unitOf = (key: string | null) => (key ? (unit.get(key) ?? null) : null);

  const goal = new Map<string, string>();
  for (const g of acme.goals) {
    const created = await createGoal(tx, audit, ws.id, {
      title: g.title, description: g.description, ownerUserId: who(g.owner), businessUnitId: unitOf(g.unit),
      weight: g.weight, status: g.status, startDate: g.start, endDate: g.end,
    });
    goal.set(g.key, created.id);
  }
  const initiative = new Map<string, string>();
  for (const i of acme.initiatives) {
    const created = await createInitiative(tx, audit, ws.id, {
      title: i.title, description: i.description, ownerUserId: who(i.owner), businessUnitId: unitOf(i.unit), status: i.status,
      startDate: i.start, endDate: i.end, capex: i.capex, opex: i.opex, effortDays: i.effort,
    });
    initiative.set(i.key, created.id);
  }
  for (const l of acme.links) {
    await createLink(tx, audit, ws.id, { goalId: goal.get(l.goal)!, initiativeId: initiative.get(l.initiative)!, strength: l.strength, rationale: l.rationale });
  }
  await loadStrategy(tx, audit, { workspaceId: ws.id, who, unitOf, goal, initiative });
  await loadCollaboration(tx, audit, ws.id, { people, goal, initiative });
  return ws;
}

interface Loaded {
  people: Map<acme.PersonKey, { userId: string; name: string; role: TRole }>;
  goal: Map<string, string>;
  initiative: Map<string, string>;
}

/**
 * Watches, then a week of comments and action items in the order they happened, each by its
 * author (their own AuditContext), so people are notified as they would have been. Rows are
 * dated back to when they happened: a thread reads in order and the bell shows the week.
 */
async function loadCollaboration(tx: Queryable, audit: AuditContext, workspaceId: string, { people, goal, initiative }: Loaded) {
  const personOf = (key: acme.PersonKey) => people.get(key)!;
  const ref = (on: acme.On) => ('goal' in on
    ? { entityType: 'goal', entityId: goal.get(on.goal)! }
    : { entityType: 'initiative', entityId: initiative.get(on.initiative)! });
  const auditBy = (key: acme.PersonKey): AuditContext => ({ ...audit, actorUserId: personOf(key).userId });

  for (const [key, w] of Object.entries(acme.watching) as [acme.PersonKey, (typeof acme.watching)[acme.PersonKey]][]) {
    const { userId } = personOf(key);
    const wanted = [...w.goals.map((g) => ref({ goal: g })), ...w.initiatives.map((i) => ref({ initiative: i }))];
    if (key === 'owner') {
      const keep = new Set(wanted.map((r) => r.entityId));
      const all = [...[...goal.values()].map((id) => ({ entityType: 'goal', entityId: id })), ...[...initiative.values()].map((id) => ({ entityType: 'initiative', entityId: id }))];
      for (const r of all) if (!keep.has(r.entityId)) await stopWatching(tx, workspaceId, userId, r);
    }
    for (const r of wanted) await startWatching(tx, workspaceId, userId, r);
  }

  const loadedAt = new Date();
  const today = utcDate(loadedAt);
  const hoursAgo = (h: number) => new Date(loadedAt.getTime() - h * 3_600_000);
  const mentions = (body: string) => body.replace(/@\{(\w+)\}/g, (_, key: string) => {
    const p = people.get(key as acme.PersonKey);
    if (!p) throw new Error(`The demo mentions an unknown person: ${key}`);
    return mentionToken(p.userId, p.name);
  });

  type Step = { hoursAgo: number; run: () => Promise<void> };
  const steps: Step[] = [];
  for (const c of acme.comments) {
    steps.push({
      hoursAgo: c.hoursAgo,
      run: async () => {
        const at = hoursAgo(c.hoursAgo);
        const created = await createComment(tx, auditBy(c.by), workspaceId, personOf(c.by), { ...ref(c.on), body: mentions(c.body) });
        await tx.update(comments).set({ createdAt: at, updatedAt: at }).where(eq(comments.id, created.id));
      },
    });
  }
  const itemIds = new Map<string, string>();
  for (const a of acme.actionItems) {
    steps.push({
      hoursAgo: a.hoursAgo,
      run: async () => {
        const at = hoursAgo(a.hoursAgo);
        const { entityType, entityId } = ref(a.on);
        const item = await createActionItem(tx, auditBy(a.by), workspaceId, {
          title: a.title, description: a.description, ownerUserId: personOf(a.owner).userId,
          dueDate: addDays(today, a.dueInDays), status: a.status, sourceType: entityType, sourceId: entityId,
        });
        itemIds.set(a.title, item.id);
        await tx.update(actionItems).set({ createdAt: at, updatedAt: at }).where(eq(actionItems.id, item.id));
      },
    });
    const doneHoursAgo = a.doneHoursAgo;
    if (doneHoursAgo !== undefined) {
      steps.push({
        hoursAgo: doneHoursAgo,
        run: async () => {
          const at = hoursAgo(doneHoursAgo);
          const id = itemIds.get(a.title)!;
          await updateActionItem(tx, auditBy(a.owner), workspaceId, id, { status: 'done' });
          await tx.update(actionItems).set({ updatedAt: at, completedAt: at }).where(eq(actionItems.id, id));
        },
      });
    }
  }
  // Oldest first; each step's notifications are dated with it (the earlier ones are older still).
  steps.sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const step of steps) {
    await step.run();
    const at = hoursAgo(step.hoursAgo);
    await tx.update(notifications).set({ createdAt: at }).where(and(eq(notifications.workspaceId, workspaceId), gt(notifications.createdAt, at)));
  }
  // The week shown is the demo's history, not news: it is in the bell, but nobody is e-mailed
  // about it (reminders of the owner's overdue items later are mailed as usual).
  await tx.update(notifications).set({ email: 'none' }).where(and(eq(notifications.workspaceId, workspaceId), inArray(notifications.email, ['immediate', 'digest'])));
}
