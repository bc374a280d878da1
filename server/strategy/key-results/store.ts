import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TCheckIn, TCreateCheckIn, TCreateKeyResult, TKeyResult, TUpdateKeyResult } from '../../../domain/strategy/key-results';
import { directionProblem, keyResultProgress } from '../../../domain/strategy/progress';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { invalidField, notFound } from '../../platform/http/errors';
import { assertArchiveChange, assertEditable, changedFields } from '../../platform/lifecycle';
import { assertMembers } from '../../platform/members/references';
import { goals, keyResultCheckins, keyResults } from '../tables';

type KeyResultRow = typeof keyResults.$inferSelect;

// numeric columns arrive as JS numbers at run time (server/platform/db/client.ts), typed as strings.
const num = (v: string | number) => Number(v);

export function presentKeyResult(k: KeyResultRow, lastCheckInAt: Date | null): TKeyResult {
  const values = { baseline: num(k.baseline), target: num(k.target), current: num(k.current), direction: k.direction };
  return {
    id: k.id, goalId: k.goalId, title: k.title, unit: k.unit, ...values, weight: k.weight, ownerUserId: k.ownerUserId,
    position: k.position, progress: keyResultProgress(values), lastCheckInAt: lastCheckInAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString(), archivedAt: k.archivedAt?.toISOString() ?? null,
  };
}

// Written out: Drizzle leaves columns unqualified inside a subquery.
const lastCheckInAt = sql<Date | null>`(select max(c.checked_at) from key_result_checkins c where c.key_result_id = "key_results"."id")`.mapWith(
  (v: string | Date | null) => (v === null ? null : new Date(v)),
);

/** The key results of a goal by position (the goal is not checked: callers have loaded it). */
export async function listKeyResultsOfGoal(db: Queryable, workspaceId: string, goalId: string, includeArchived: boolean): Promise<TKeyResult[]> {
  const rows = await db
    .select({ k: keyResults, lastCheckInAt })
    .from(keyResults)
    .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.goalId, goalId), includeArchived ? undefined : isNull(keyResults.archivedAt)))
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  return rows.map((r) => presentKeyResult(r.k, r.lastCheckInAt));
}

/** The goal of this workspace (404 otherwise), with whether it is archived. */
async function loadGoal(db: Queryable, workspaceId: string, goalId: string) {
  const [g] = await db.select({ id: goals.id, archivedAt: goals.archivedAt }).from(goals).where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, goalId))).limit(1);
  if (!g) throw notFound('Goal');
  return g;
}

/** The key results of a goal (a small set: no paging). */
export async function listKeyResults(db: Queryable, workspaceId: string, goalId: string, includeArchived: boolean) {
  await loadGoal(db, workspaceId, goalId);
  return { items: await listKeyResultsOfGoal(db, workspaceId, goalId, includeArchived), nextCursor: null };
}

async function loadKeyResult(db: Queryable, workspaceId: string, id: string, lock = false) {
  const q = db.select({ k: keyResults, lastCheckInAt }).from(keyResults).where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.id, id))).limit(1);
  // FOR NO KEY UPDATE: check-ins can still point at it (their foreign key's key-share lock) meanwhile.
  const [r] = lock ? await q.for('no key update', { of: keyResults }) : await q;
  if (!r) throw notFound('Key result');
  return r;
}

export async function getKeyResult(db: Queryable, workspaceId: string, id: string): Promise<TKeyResult> {
  const r = await loadKeyResult(db, workspaceId, id);
  return presentKeyResult(r.k, r.lastCheckInAt);
}

/** Changes to a key result of an archived goal wait until the goal is restored (409). */
async function assertGoalEditable(db: Queryable, workspaceId: string, goalId: string) {
  assertEditable(await loadGoal(db, workspaceId, goalId), 'goal');
}

export async function createKeyResult(
  tx: Queryable, audit: AuditContext, workspaceId: string, goalId: string, input: TCreateKeyResult,
): Promise<TKeyResult> {
  await assertGoalEditable(tx, workspaceId, goalId);
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  const position = input.position ?? sql<number>`(select coalesce(max(position) + 1, 0) from key_results where goal_id = ${goalId})`;
  const [k] = await tx
    .insert(keyResults)
    .values({
      workspaceId, goalId, title: input.title, unit: input.unit, direction: input.direction, weight: input.weight, ownerUserId: input.ownerUserId,
      baseline: String(input.baseline), target: String(input.target), current: String(input.current ?? input.baseline), position,
    })
    .returning();
  const out = presentKeyResult(k!, null);
  await recordAudit(tx, audit, { workspaceId, action: 'key_result.create', entityType: 'key_result', entityId: k!.id, after: out });
  return out;
}

/** Changes the given fields; direction, baseline and target are checked as they will be stored together. */
export async function updateKeyResult(
  tx: Queryable, audit: AuditContext, workspaceId: string, id: string, input: TUpdateKeyResult,
): Promise<TKeyResult> {
  const r = await loadKeyResult(tx, workspaceId, id, true);
  assertEditable(r.k, 'key result');
  await assertGoalEditable(tx, workspaceId, r.k.goalId);
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  const before = presentKeyResult(r.k, r.lastCheckInAt);
  const problem = directionProblem(
    input.baseline ?? before.baseline, input.target ?? before.target, input.direction !== undefined ? input.direction : before.direction,
  );
  if (problem) throw invalidField('body.direction', problem);
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  const { baseline, target, ...rest } = changes;
  const [k] = await tx
    .update(keyResults)
    .set({
      ...rest,
      ...(baseline !== undefined ? { baseline: String(baseline) } : {}),
      ...(target !== undefined ? { target: String(target) } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(keyResults.id, id))
    .returning();
  const out = presentKeyResult(k!, r.lastCheckInAt);
  await recordAudit(tx, audit, { workspaceId, action: 'key_result.update', entityType: 'key_result', entityId: id, before, after: out });
  return out;
}

/** Archives (archive = true) or restores a key result: archived ones leave the goal's progress. */
export async function setKeyResultArchived(tx: Queryable, audit: AuditContext, workspaceId: string, id: string, archive: boolean): Promise<TKeyResult> {
  const r = await loadKeyResult(tx, workspaceId, id, true);
  assertArchiveChange(r.k, archive, 'key result');
  await assertGoalEditable(tx, workspaceId, r.k.goalId);
  const [k] = await tx.update(keyResults).set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(keyResults.id, id)).returning();
  const before = presentKeyResult(r.k, r.lastCheckInAt);
  const out = presentKeyResult(k!, r.lastCheckInAt);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'key_result.archive' : 'key_result.restore', entityType: 'key_result', entityId: id, before, after: out,
  });
  return out;
}

type CheckInRow = typeof keyResultCheckins.$inferSelect;

function presentCheckIn(c: CheckInRow): TCheckIn {
  return {
    id: c.id, keyResultId: c.keyResultId, value: num(c.value), comment: c.comment, confidence: c.confidence, authorUserId: c.authorUserId,
    checkedAt: c.checkedAt.toISOString(),
  };
}

/** Every check-in of a key result, newest first (the history behind its chart). */
/** The most check-ins listed: the latest ones (a weekly check-in for twenty years fits). */
export const CHECK_IN_LIST_MAX = 1_000;

/** The latest check-ins of a key result (at most CHECK_IN_LIST_MAX), newest first. */
export async function listCheckIns(db: Queryable, workspaceId: string, keyResultId: string, max = CHECK_IN_LIST_MAX) {
  await loadKeyResult(db, workspaceId, keyResultId);
  const rows = await db
    .select()
    .from(keyResultCheckins)
    .where(and(eq(keyResultCheckins.workspaceId, workspaceId), eq(keyResultCheckins.keyResultId, keyResultId)))
    .orderBy(desc(keyResultCheckins.checkedAt), desc(keyResultCheckins.id))
    .limit(max);
  return { items: rows.map(presentCheckIn), nextCursor: null };
}

/**
 * Records a check-in and makes its value the key result's current value. `checkedAt` is for
 * callers in code (the demo workspace's history); the API always records the present. A
 * check-in older than the newest one keeps the current value as it is.
 */
export async function createCheckIn(
  tx: Queryable, audit: AuditContext, workspaceId: string, keyResultId: string, input: TCreateCheckIn, checkedAt?: Date,
): Promise<TCheckIn> {
  const r = await loadKeyResult(tx, workspaceId, keyResultId, true);
  assertEditable(r.k, 'key result');
  await assertGoalEditable(tx, workspaceId, r.k.goalId);
  const [c] = await tx
    .insert(keyResultCheckins)
    .values({
      workspaceId, keyResultId, value: String(input.value), comment: input.comment, confidence: input.confidence, authorUserId: audit.actorUserId,
      ...(checkedAt ? { checkedAt } : {}),
    })
    .returning();
  const newest = !r.lastCheckInAt || c!.checkedAt >= r.lastCheckInAt;
  const [k] = newest
    ? await tx.update(keyResults).set({ current: String(input.value), updatedAt: sql`now()` }).where(eq(keyResults.id, keyResultId)).returning()
    : [r.k];
  const checkIn = presentCheckIn(c!);
  await recordAudit(tx, audit, {
    workspaceId, action: 'key_result.check_in', entityType: 'key_result', entityId: keyResultId,
    before: presentKeyResult(r.k, r.lastCheckInAt), after: { ...presentKeyResult(k!, newest ? c!.checkedAt : r.lastCheckInAt), checkIn },
  });
  return checkIn;
}
