import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { TCreateGoal, TGoal, TGoalDetail, TUpdateGoal } from '../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../platform/audit/record';
import type { Queryable } from '../platform/db/client';
import { assertArchiveChange, assertEditable, changedFields } from '../platform/lifecycle';
import { invalidField, notFound } from '../platform/http/errors';
import { afterNewestPlaceholders, containsPattern, exactTime, newestCursorKey, page } from '../platform/http/pagination';
import { preparedQuery } from '../platform/db/prepared';
import { assertMembers } from '../platform/members/references';
import { assertBusinessUnit } from './references';
import { listLinks } from './links.store';
import { goalLinks, goals } from './tables';

type GoalRow = typeof goals.$inferSelect;

export function presentGoal(g: GoalRow, linkCount: number): TGoal {
  return {
    id: g.id, title: g.title, description: g.description, ownerUserId: g.ownerUserId, businessUnitId: g.businessUnitId,
    weight: g.weight, status: g.status, startDate: g.startDate, endDate: g.endDate,
    createdAt: g.createdAt.toISOString(), updatedAt: g.updatedAt.toISOString(), archivedAt: g.archivedAt?.toISOString() ?? null,
    linkCount,
  };
}

// Written out: Drizzle leaves columns unqualified inside a subquery, where "id" would be the link's.
const linkCount = sql<number>`(select count(*)::int from goal_links gl where gl.goal_id = "goals"."id")`;

export interface GoalFilter {
  status?: TGoal['status'];
  businessUnitId?: string;
  ownerUserId?: string;
  q?: string;
  includeArchived: boolean;
}

/**
 * The goal list as a prepared query per filter combination (variant letters: a = archived
 * included, s = status, b = business unit, o = owner, q = title search, c = cursor).
 */
const goalPage = preparedQuery('tandem_goal_page', (db, name, variant) => {
  const has = (letter: string) => variant.includes(letter);
  return db
    .select({ g: goals, linkCount, at: exactTime(goals.createdAt) })
    .from(goals)
    .where(and(
      eq(goals.workspaceId, sql.placeholder('workspaceId')),
      has('a') ? undefined : isNull(goals.archivedAt),
      has('s') ? eq(goals.status, sql.placeholder('status')) : undefined,
      has('b') ? eq(goals.businessUnitId, sql.placeholder('businessUnitId')) : undefined,
      has('o') ? eq(goals.ownerUserId, sql.placeholder('ownerUserId')) : undefined,
      has('q') ? ilike(goals.title, sql.placeholder('q')) : undefined,
      has('c') ? afterNewestPlaceholders(goals.createdAt, goals.id) : undefined,
    ))
    .orderBy(desc(goals.createdAt), desc(goals.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
});

/** A page of the workspace's goals, newest first. */
export async function listGoals(db: Queryable, workspaceId: string, f: GoalFilter, limit: number, cursor: string | undefined) {
  const key = newestCursorKey(cursor);
  const variant = [f.includeArchived && 'a', f.status && 's', f.businessUnitId && 'b', f.ownerUserId && 'o', f.q && 'q', key && 'c']
    .filter(Boolean).join('');
  const rows = await goalPage(db, variant).execute({
    workspaceId, status: f.status, businessUnitId: f.businessUnitId, ownerUserId: f.ownerUserId,
    q: f.q ? containsPattern(f.q) : undefined, cursorAt: key?.[0], cursorId: key?.[1], limit: limit + 1,
  });
  return page(rows, limit, (r) => presentGoal(r.g, r.linkCount), (r) => [r.at, r.g.id]);
}

const goalById = preparedQuery('tandem_goal_by_id', (db, name) =>
  db.select().from(goals).where(and(eq(goals.workspaceId, sql.placeholder('workspaceId')), eq(goals.id, sql.placeholder('id')))).limit(1).prepare(name));

/** The goal (locked for update when `lock`); another workspace's id is not found. */
async function loadGoal(db: Queryable, workspaceId: string, goalId: string, lock = false) {
  const [row] = lock
    ? await db.select().from(goals).where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, goalId))).limit(1).for('update')
    : await goalById(db).execute({ workspaceId, id: goalId });
  if (!row) throw notFound('Goal');
  return row;
}

async function countLinks(db: Queryable, goalId: string) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(goalLinks).where(eq(goalLinks.goalId, goalId));
  return r?.n ?? 0;
}

export async function getGoal(db: Queryable, workspaceId: string, goalId: string): Promise<TGoalDetail> {
  const g = await loadGoal(db, workspaceId, goalId);
  const links = await listLinks(db, workspaceId, { goalId });
  return { ...presentGoal(g, links.length), links };
}

export async function createGoal(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateGoal): Promise<TGoal> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const [g] = await tx.insert(goals).values({ ...input, workspaceId }).returning();
  const out = presentGoal(g!, 0);
  await recordAudit(tx, audit, { workspaceId, action: 'goal.create', entityType: 'goal', entityId: g!.id, after: out });
  return out;
}

export async function updateGoal(
  tx: Queryable, audit: AuditContext, workspaceId: string, goalId: string, input: TUpdateGoal,
): Promise<TGoal> {
  const before = await loadGoal(tx, workspaceId, goalId, true);
  assertEditable(before, 'goal');
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const start = input.startDate !== undefined ? input.startDate : before.startDate;
  const end = input.endDate !== undefined ? input.endDate : before.endDate;
  if (start && end && end < start) throw invalidField('body.endDate', 'must not be before startDate');
  const n = await countLinks(tx, goalId);
  const changes = changedFields(presentGoal(before, n), input);
  if (Object.keys(changes).length === 0) return presentGoal(before, n);
  const [g] = await tx.update(goals).set({ ...changes, updatedAt: sql`now()` }).where(eq(goals.id, goalId)).returning();
  const out = presentGoal(g!, n);
  await recordAudit(tx, audit, { workspaceId, action: 'goal.update', entityType: 'goal', entityId: goalId, before: presentGoal(before, n), after: out });
  return out;
}

/** Archives (archive = true) or restores a goal; links are kept either way. */
export async function setGoalArchived(tx: Queryable, audit: AuditContext, workspaceId: string, goalId: string, archive: boolean): Promise<TGoal> {
  const before = await loadGoal(tx, workspaceId, goalId, true);
  assertArchiveChange(before, archive, 'goal');
  const [g] = await tx
    .update(goals)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(goals.id, goalId))
    .returning();
  const n = await countLinks(tx, goalId);
  const out = presentGoal(g!, n);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'goal.archive' : 'goal.restore', entityType: 'goal', entityId: goalId, before: presentGoal(before, n), after: out,
  });
  return out;
}
