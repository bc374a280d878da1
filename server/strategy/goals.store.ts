import { and, asc, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { goalProgress, type WeightedKeyResult } from '../../domain/strategy/progress';
import type { TCreateGoal, TGoal, TGoalDetail, TGoalSummary, TUpdateGoal } from '../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../platform/audit/record';
import type { Queryable } from '../platform/db/client';
import { assertArchiveChange, assertEditable, changedFields } from '../platform/lifecycle';
import { invalidField, notFound } from '../platform/http/errors';
import { afterNewestPlaceholders, containsPattern, exactTime, newestCursorKey, page } from '../platform/http/pagination';
import { preparedQuery } from '../platform/db/prepared';
import { assertMembers } from '../platform/members/references';
import { assertBusinessUnit } from './references';
import { listKeyResultsOfGoal } from './key-results/store';
import { listLinks } from './links.store';
import { assertTheme } from './themes/references';
import { goals } from './tables';

type GoalRow = typeof goals.$inferSelect;

/** A live key result as the aggregate below gives it: [baseline, target, current, direction, weight]. */
type KrTuple = [number, number, number, 'increase' | 'decrease' | null, number];

/** What a goal shows besides its own columns. */
export interface GoalFigures {
  linkCount: number;
  /** The goal's live key results. */
  keyResults: KrTuple[];
  childCount: number;
}

const toWeighted = ([baseline, target, current, direction, weight]: KrTuple): WeightedKeyResult => ({ baseline, target, current, direction, weight });
const progressOf = (krs: KrTuple[]) => goalProgress(krs.map(toWeighted));

export function presentGoal(g: GoalRow, f: GoalFigures): TGoal {
  return {
    id: g.id, title: g.title, description: g.description, ownerUserId: g.ownerUserId, businessUnitId: g.businessUnitId,
    parentGoalId: g.parentGoalId, themeId: g.themeId,
    weight: g.weight, status: g.status, startDate: g.startDate, endDate: g.endDate,
    createdAt: g.createdAt.toISOString(), updatedAt: g.updatedAt.toISOString(), archivedAt: g.archivedAt?.toISOString() ?? null,
    linkCount: f.linkCount, progress: progressOf(f.keyResults), keyResultCount: f.keyResults.length, childCount: f.childCount,
    customFields: g.customFields,
  };
}

// Written out: Drizzle leaves columns unqualified inside a subquery, where "id" would be the link's.
// Each is an indexed lookup per goal shown (goal_links.goal_id, key_results.goal_id, goals.parent_goal_id).
const linkCount = sql<number>`(select count(*)::int from goal_links gl where gl.goal_id = "goals"."id")`;
/** The live key results' progress inputs; progress itself is computed in domain/strategy/progress.ts. */
const keyResultAggregate = sql<KrTuple[]>`(select coalesce(json_agg(json_build_array(kr.baseline, kr.target, kr.current, kr.direction, kr.weight)), '[]'::json)
  from key_results kr where kr.goal_id = "goals"."id" and kr.archived_at is null)`;
const childCount = sql<number>`(select count(*)::int from goals c where c.parent_goal_id = "goals"."id" and c.archived_at is null)`;
const figures = { linkCount, keyResults: keyResultAggregate, childCount };

export interface GoalFilter {
  status?: TGoal['status'];
  businessUnitId?: string;
  ownerUserId?: string;
  themeId?: string;
  /** A goal's id: its children; 'none': the top-level goals. */
  parentGoalId?: string;
  /** The top-level goals only. */
  topLevel?: boolean;
  q?: string;
  includeArchived: boolean;
  /** Custom field values the goal must have, `{ fieldId: value }` as resolveFieldFilters gives them. */
  customFields?: Record<string, unknown>;
}

/**
 * The goal list as a prepared query per filter combination (variant letters: a = archived
 * included, s = status, b = business unit, o = owner, t = theme, p = parent goal, r = top-level
 * only, q = title search, f = custom field values (jsonb containment), c = cursor).
 */
const goalPage = preparedQuery('tandem_goal_page', (db, name, variant) => {
  const has = (letter: string) => variant.includes(letter);
  return db
    .select({ g: goals, ...figures, at: exactTime(goals.createdAt) })
    .from(goals)
    .where(and(
      eq(goals.workspaceId, sql.placeholder('workspaceId')),
      has('a') ? undefined : isNull(goals.archivedAt),
      has('s') ? eq(goals.status, sql.placeholder('status')) : undefined,
      has('b') ? eq(goals.businessUnitId, sql.placeholder('businessUnitId')) : undefined,
      has('o') ? eq(goals.ownerUserId, sql.placeholder('ownerUserId')) : undefined,
      has('t') ? eq(goals.themeId, sql.placeholder('themeId')) : undefined,
      has('p') ? eq(goals.parentGoalId, sql.placeholder('parentGoalId')) : undefined,
      has('r') ? isNull(goals.parentGoalId) : undefined,
      has('q') ? ilike(goals.title, sql.placeholder('q')) : undefined,
      has('f') ? sql`${goals.customFields} @> ${sql.placeholder('customFields')}::jsonb` : undefined,
      has('c') ? afterNewestPlaceholders(goals.createdAt, goals.id) : undefined,
    ))
    .orderBy(desc(goals.createdAt), desc(goals.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
});

/** A page of the workspace's goals, newest first. */
export async function listGoals(db: Queryable, workspaceId: string, f: GoalFilter, limit: number, cursor: string | undefined) {
  const key = newestCursorKey(cursor);
  const parentId = f.parentGoalId && f.parentGoalId !== 'none' ? f.parentGoalId : undefined;
  const roots = f.topLevel || f.parentGoalId === 'none';
  const variant = [
    f.includeArchived && 'a', f.status && 's', f.businessUnitId && 'b', f.ownerUserId && 'o', f.themeId && 't',
    parentId && 'p', roots && 'r', f.q && 'q', f.customFields && 'f', key && 'c',
  ].filter(Boolean).join('');
  const rows = await goalPage(db, variant).execute({
    workspaceId, status: f.status, businessUnitId: f.businessUnitId, ownerUserId: f.ownerUserId, themeId: f.themeId,
    parentGoalId: parentId, q: f.q ? containsPattern(f.q) : undefined,
    customFields: f.customFields ? JSON.stringify(f.customFields) : undefined, cursorAt: key?.[0], cursorId: key?.[1], limit: limit + 1,
  });
  return page(rows, limit, (r) => presentGoal(r.g, r), (r) => [r.at, r.g.id]);
}

const goalById = preparedQuery('tandem_goal_by_id', (db, name) =>
  db.select().from(goals).where(and(eq(goals.workspaceId, sql.placeholder('workspaceId')), eq(goals.id, sql.placeholder('id')))).limit(1).prepare(name));

/**
 * The goal (its row locked for a change when `lock`); another workspace's id is not found. The
 * lock is FOR NO KEY UPDATE: it does not block the key-share locks foreign keys take, so a
 * sub-goal, link or key result can still be pointed at this goal meanwhile.
 */
async function loadGoal(db: Queryable, workspaceId: string, goalId: string, lock = false) {
  const [row] = lock
    ? await db.select().from(goals).where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, goalId))).limit(1).for('no key update')
    : await goalById(db).execute({ workspaceId, id: goalId });
  if (!row) throw notFound('Goal');
  return row;
}

/** The figures of one goal, read now. */
async function figuresOf(db: Queryable, goalId: string): Promise<GoalFigures> {
  const [r] = await db.select(figures).from(goals).where(eq(goals.id, goalId));
  return r ?? { linkCount: 0, keyResults: [], childCount: 0 };
}

/** Goals as one line each (parent, children), with their progress. */
async function summaries(db: Queryable, where: ReturnType<typeof and>): Promise<TGoalSummary[]> {
  const rows = await db
    .select({ id: goals.id, title: goals.title, status: goals.status, archivedAt: goals.archivedAt, keyResults: keyResultAggregate })
    .from(goals)
    .where(where)
    .orderBy(asc(goals.createdAt), asc(goals.id))
    .limit(1000);
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, progress: progressOf(r.keyResults), archivedAt: r.archivedAt?.toISOString() ?? null }));
}

export async function getGoal(db: Queryable, workspaceId: string, goalId: string): Promise<TGoalDetail> {
  const g = await loadGoal(db, workspaceId, goalId);
  const f = await figuresOf(db, goalId);
  const links = await listLinks(db, workspaceId, { goalId });
  const keyResults = await listKeyResultsOfGoal(db, workspaceId, goalId, false);
  const children = await summaries(db, and(eq(goals.workspaceId, workspaceId), eq(goals.parentGoalId, goalId), isNull(goals.archivedAt)));
  const [parent] = g.parentGoalId ? await summaries(db, and(eq(goals.workspaceId, workspaceId), eq(goals.id, g.parentGoalId))) : [];
  return { ...presentGoal(g, { ...f, linkCount: links.length }), links, keyResults, parent: parent ?? null, children };
}

const PARENT = 'body.parentGoalId';

/**
 * Moves in a workspace's goal tree take turns (an advisory lock until commit), so two
 * concurrent moves cannot close a cycle together. Take it before any goal's row lock: a move
 * holding its row while waiting here would deadlock with one that holds this lock and needs a
 * key-share lock on that row for its new parent.
 */
async function lockGoalTree(tx: Queryable, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tandem:goal-tree:${workspaceId}`}, 0))`);
}

/**
 * A goal's parent must be a live goal of the workspace, and neither the goal itself nor one
 * below it (that would make a cycle). For an existing goal the caller holds the tree lock
 * (lockGoalTree). The parent is held FOR SHARE until commit, so it cannot be archived meanwhile.
 */
async function assertParent(tx: Queryable, workspaceId: string, goalId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  if (parentId === goalId) throw invalidField(PARENT, 'cannot be the goal itself');
  const [p] = await tx.select({ archivedAt: goals.archivedAt }).from(goals)
    .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, parentId))).limit(1).for('share');
  if (!p) throw invalidField(PARENT, 'is not a goal of this workspace');
  if (p.archivedAt) throw invalidField(PARENT, 'is an archived goal; choose a live goal or restore it first');
  if (!goalId) return;
  // The new parent's ancestors (itself included): the goal among them means the parent is below it.
  const below = await tx.execute<{ found: number }>(sql`
    with recursive up(id, parent_goal_id) as (
      select id, parent_goal_id from goals where id = ${parentId}
      union
      select g.id, g.parent_goal_id from goals g join up on g.id = up.parent_goal_id
    )
    select 1 as found from up where id = ${goalId} limit 1`);
  if (below.rows.length) throw invalidField(PARENT, 'is below this goal in the tree; a goal cannot contribute to one of its own sub-goals');
}

/** createGoal's input: the contract's, with parent and theme optional for callers in code (the demo). */
export type CreateGoalInput = Omit<TCreateGoal, 'parentGoalId' | 'themeId'> & { parentGoalId?: string | null; themeId?: string | null };

export async function createGoal(tx: Queryable, audit: AuditContext, workspaceId: string, input: CreateGoalInput): Promise<TGoal> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  await assertParent(tx, workspaceId, null, input.parentGoalId);
  await assertTheme(tx, workspaceId, input.themeId, 'body.themeId');
  const [g] = await tx.insert(goals).values({ ...input, workspaceId }).returning();
  const out = presentGoal(g!, { linkCount: 0, keyResults: [], childCount: 0 });
  await recordAudit(tx, audit, { workspaceId, action: 'goal.create', entityType: 'goal', entityId: g!.id, after: out });
  return out;
}

export async function updateGoal(
  tx: Queryable, audit: AuditContext, workspaceId: string, goalId: string, input: TUpdateGoal,
): Promise<TGoal> {
  // The tree lock comes before the row lock (see lockGoalTree).
  if (input.parentGoalId) await lockGoalTree(tx, workspaceId);
  const before = await loadGoal(tx, workspaceId, goalId, true);
  assertEditable(before, 'goal');
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const start = input.startDate !== undefined ? input.startDate : before.startDate;
  const end = input.endDate !== undefined ? input.endDate : before.endDate;
  if (start && end && end < start) throw invalidField('body.endDate', 'must not be before startDate');
  const f = await figuresOf(tx, goalId);
  const changes = changedFields(presentGoal(before, f), input);
  // Only a new parent or theme is checked: a goal keeps the one it has even once archived.
  if (changes.parentGoalId !== undefined) await assertParent(tx, workspaceId, goalId, changes.parentGoalId);
  if (changes.themeId !== undefined) await assertTheme(tx, workspaceId, changes.themeId, 'body.themeId');
  if (Object.keys(changes).length === 0) return presentGoal(before, f);
  const [g] = await tx.update(goals).set({ ...changes, updatedAt: sql`now()` }).where(eq(goals.id, goalId)).returning();
  const out = presentGoal(g!, f);
  await recordAudit(tx, audit, { workspaceId, action: 'goal.update', entityType: 'goal', entityId: goalId, before: presentGoal(before, f), after: out });
  return out;
}

/** Archives (archive = true) or restores a goal; links, key results and children are kept either way. */
export async function setGoalArchived(tx: Queryable, audit: AuditContext, workspaceId: string, goalId: string, archive: boolean): Promise<TGoal> {
  const before = await loadGoal(tx, workspaceId, goalId, true);
  assertArchiveChange(before, archive, 'goal');
  const [g] = await tx
    .update(goals)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(goals.id, goalId))
    .returning();
  const f = await figuresOf(tx, goalId);
  const out = presentGoal(g!, f);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'goal.archive' : 'goal.restore', entityType: 'goal', entityId: goalId, before: presentGoal(before, f), after: out,
  });
  return out;
}

/** Live goals of the workspace grouped by theme, with the progress inputs of each (for theme figures). */
export async function goalsByTheme(db: Queryable, workspaceId: string, themeIds: string[]) {
  if (themeIds.length === 0) return new Map<string, { weight: number; progress: number | null }[]>();
  const rows = await db
    .select({ themeId: goals.themeId, weight: goals.weight, keyResults: keyResultAggregate })
    .from(goals)
    .where(and(eq(goals.workspaceId, workspaceId), inArray(goals.themeId, themeIds), isNull(goals.archivedAt)));
  const out = new Map<string, { weight: number; progress: number | null }[]>();
  for (const r of rows) {
    const list = out.get(r.themeId!) ?? [];
    list.push({ weight: r.weight, progress: progressOf(r.keyResults) });
    out.set(r.themeId!, list);
  }
  return out;
}
