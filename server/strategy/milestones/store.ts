import { and, asc, eq, sql } from 'drizzle-orm';
import { dueDateProblem, type TCreateMilestone, type TMilestone, type TUpdateMilestone } from '../../../domain/strategy/milestones';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { preparedQuery } from '../../platform/db/prepared';
import { invalidField, notFound } from '../../platform/http/errors';
import { assertEditable, changedFields } from '../../platform/lifecycle';
import { initiatives, milestones } from '../tables';

type MilestoneRow = typeof milestones.$inferSelect;

export function presentMilestone(m: MilestoneRow): TMilestone {
  return {
    id: m.id, initiativeId: m.initiativeId, title: m.title, description: m.description, dueDate: m.dueDate, doneOn: m.doneOn,
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  };
}

const milestonesOf = preparedQuery('tandem_milestones_of', (db, name) =>
  db.select()
    .from(milestones)
    .where(and(eq(milestones.workspaceId, sql.placeholder('workspaceId')), eq(milestones.initiativeId, sql.placeholder('initiativeId'))))
    .orderBy(asc(milestones.dueDate), asc(milestones.title), asc(milestones.id))
    .limit(5000)
    .prepare(name));

/** An initiative's milestones by due date (a small set: all of them). */
export async function listMilestones(db: Queryable, workspaceId: string, initiativeId: string): Promise<TMilestone[]> {
  const rows = await milestonesOf(db).execute({ workspaceId, initiativeId });
  return rows.map(presentMilestone);
}

/**
 * The initiative a milestone belongs to, share-locked: its dates cannot move until this
 * transaction ends (moving them takes the row for update). 404 when not of this workspace.
 */
async function lockInitiative(tx: Queryable, workspaceId: string, initiativeId: string) {
  const [i] = await tx
    .select({ id: initiatives.id, startDate: initiatives.startDate, endDate: initiatives.endDate, archivedAt: initiatives.archivedAt })
    .from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, initiativeId)))
    .limit(1)
    .for('share');
  if (!i) throw notFound('Initiative');
  return i;
}

/** The milestones of an initiative of this workspace (404 otherwise). */
export async function milestonesOfInitiative(db: Queryable, workspaceId: string, initiativeId: string): Promise<TMilestone[]> {
  const [i] = await db.select({ id: initiatives.id }).from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, initiativeId))).limit(1);
  if (!i) throw notFound('Initiative');
  return listMilestones(db, workspaceId, initiativeId);
}

function assertDue(dueDate: string, span: { startDate: string | null; endDate: string | null }) {
  const problem = dueDateProblem(dueDate, span);
  if (problem) throw invalidField('body.dueDate', problem);
}

export async function createMilestone(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, input: TCreateMilestone,
): Promise<TMilestone> {
  const initiative = await lockInitiative(tx, workspaceId, initiativeId);
  assertEditable(initiative, 'initiative');
  assertDue(input.dueDate, initiative);
  const [m] = await tx.insert(milestones).values({ ...input, workspaceId, initiativeId }).returning();
  const out = presentMilestone(m!);
  await recordAudit(tx, audit, { workspaceId, action: 'milestone.create', entityType: 'milestone', entityId: out.id, after: out });
  return out;
}

/** The milestone, locked for update after its initiative (the order every path locks in). */
async function loadForChange(tx: Queryable, workspaceId: string, milestoneId: string) {
  const [found] = await tx.select({ initiativeId: milestones.initiativeId }).from(milestones)
    .where(and(eq(milestones.workspaceId, workspaceId), eq(milestones.id, milestoneId))).limit(1);
  if (!found) throw notFound('Milestone');
  const initiative = await lockInitiative(tx, workspaceId, found.initiativeId);
  const [m] = await tx.select().from(milestones).where(eq(milestones.id, milestoneId)).for('update');
  if (!m) throw notFound('Milestone');
  assertEditable(initiative, 'initiative');
  return { m, initiative };
}

export async function updateMilestone(
  tx: Queryable, audit: AuditContext, workspaceId: string, milestoneId: string, patch: TUpdateMilestone,
): Promise<TMilestone> {
  const { m: before, initiative } = await loadForChange(tx, workspaceId, milestoneId);
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return presentMilestone(before);
  if (changes.dueDate !== undefined) assertDue(changes.dueDate, initiative);
  const [m] = await tx.update(milestones).set({ ...changes, updatedAt: sql`now()` }).where(eq(milestones.id, milestoneId)).returning();
  const out = presentMilestone(m!);
  await recordAudit(tx, audit, {
    workspaceId, action: 'milestone.update', entityType: 'milestone', entityId: milestoneId, before: presentMilestone(before), after: out,
  });
  return out;
}

/** Deletes a milestone for good: it is small, and the audit log keeps what it was. */
export async function deleteMilestone(tx: Queryable, audit: AuditContext, workspaceId: string, milestoneId: string): Promise<void> {
  const { m } = await loadForChange(tx, workspaceId, milestoneId);
  await tx.delete(milestones).where(eq(milestones.id, milestoneId));
  await recordAudit(tx, audit, { workspaceId, action: 'milestone.delete', entityType: 'milestone', entityId: milestoneId, before: presentMilestone(m) });
}

/**
 * Moves every milestone of an initiative by `days` (the initiative moved as a whole), each
 * change audited. The caller holds the initiative for update.
 */
export async function shiftMilestones(tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, days: number): Promise<void> {
  const where = and(eq(milestones.workspaceId, workspaceId), eq(milestones.initiativeId, initiativeId));
  const before = new Map((await tx.select().from(milestones).where(where).for('no key update')).map((m) => [m.id, presentMilestone(m)]));
  if (before.size === 0) return;
  const moved = await tx.update(milestones).set({ dueDate: sql`${milestones.dueDate} + ${days}::int`, updatedAt: sql`now()` }).where(where).returning();
  for (const m of moved) {
    await recordAudit(tx, audit, {
      workspaceId, action: 'milestone.update', entityType: 'milestone', entityId: m.id, before: before.get(m.id), after: presentMilestone(m),
    });
  }
}
