import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { dateConflicts } from '../../domain/strategy/dependencies';
import { milestonesOutside, wholeMove } from '../../domain/strategy/milestones';
import type { TCreateInitiative, TInitiative, TInitiativeDetail, TUpdateInitiative } from '../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../platform/audit/record';
import type { Queryable } from '../platform/db/client';
import { assertArchiveChange, assertEditable, changedFields } from '../platform/lifecycle';
import { AppError, invalidField, notFound } from '../platform/http/errors';
import { afterNewestPlaceholders, containsPattern, exactTime, newestCursorKey, page } from '../platform/http/pagination';
import { preparedQuery } from '../platform/db/prepared';
import { listLinks } from './links.store';
import { assertMembers } from '../platform/members/references';
import { assertTeam } from '../platform/teams/store';
import { assertBusinessUnit } from './references';
import { dependencyEnds, lockInitiativeStructure } from './dependencies/store';
import { listMilestones, shiftMilestones } from './milestones/store';
import { initiatives } from './tables';

type InitiativeRow = typeof initiatives.$inferSelect;

/** The counts an initiative shows beside its own fields. */
export interface InitiativeCounts {
  linkCount: number;
  milestoneCount: number;
  dependsOnCount: number;
  dependentCount: number;
}

/** An initiative as the API shows it; `counts` may be just the link count (callers that know no more). */
export function presentInitiative(i: InitiativeRow, counts: number | Partial<InitiativeCounts> = {}): TInitiative {
  const c = typeof counts === 'number' ? { linkCount: counts } : counts;
  return {
    id: i.id, title: i.title, description: i.description, ownerUserId: i.ownerUserId, businessUnitId: i.businessUnitId,
    status: i.status, kind: i.kind, teamId: i.teamId, parentInitiativeId: i.parentInitiativeId, riskLevel: i.riskLevel,
    startDate: i.startDate, endDate: i.endDate,
    // numeric columns arrive as numbers (see db/client.ts); the cast only satisfies Drizzle's string type.
    capex: Number(i.capex), opex: Number(i.opex), effortDays: Number(i.effortDays),
    createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(), archivedAt: i.archivedAt?.toISOString() ?? null,
    linkCount: c.linkCount ?? 0, milestoneCount: c.milestoneCount ?? 0, dependsOnCount: c.dependsOnCount ?? 0, dependentCount: c.dependentCount ?? 0,
    customFields: i.customFields,
  };
}

// Written out: Drizzle leaves columns unqualified inside a subquery, where "id" would be the inner table's.
// Each is one index lookup per row (goal_links, milestones and both dependency indexes lead with the initiative).
const countColumns = {
  linkCount: sql<number>`(select count(*)::int from goal_links gl where gl.initiative_id = "initiatives"."id")`,
  milestoneCount: sql<number>`(select count(*)::int from milestones m where m.initiative_id = "initiatives"."id")`,
  dependsOnCount: sql<number>`(select count(*)::int from initiative_dependencies d where d.initiative_id = "initiatives"."id")`,
  dependentCount: sql<number>`(select count(*)::int from initiative_dependencies d where d.depends_on_id = "initiatives"."id")`,
};

export interface InitiativeFilter {
  status?: TInitiative['status'];
  kind?: TInitiative['kind'];
  riskLevel?: TInitiative['riskLevel'];
  teamId?: string;
  businessUnitId?: string;
  ownerUserId?: string;
  q?: string;
  includeArchived: boolean;
  /** Custom field values the initiative must have, `{ fieldId: value }` as resolveFieldFilters gives them. */
  customFields?: Record<string, unknown>;
}

/** Drizzle types numeric columns as strings; the API speaks numbers. */
function toRow<T extends { capex?: number; opex?: number; effortDays?: number }>(input: T) {
  const { capex, opex, effortDays, ...rest } = input;
  return {
    ...rest,
    ...(capex !== undefined ? { capex: String(capex) } : {}),
    ...(opex !== undefined ? { opex: String(opex) } : {}),
    ...(effortDays !== undefined ? { effortDays: String(effortDays) } : {}),
  };
}

/**
 * The initiative list as a prepared query per filter combination (variant letters: a = archived
 * included, s = status, k = kind, r = risk level, t = team, b = business unit, o = owner,
 * q = title search, f = custom field values (jsonb containment), c = cursor).
 */
const initiativePage = preparedQuery('tandem_initiative_page', (db, name, variant) => {
  const has = (letter: string) => variant.includes(letter);
  return db
    .select({ i: initiatives, ...countColumns, at: exactTime(initiatives.createdAt) })
    .from(initiatives)
    .where(and(
      eq(initiatives.workspaceId, sql.placeholder('workspaceId')),
      has('a') ? undefined : isNull(initiatives.archivedAt),
      has('s') ? eq(initiatives.status, sql.placeholder('status')) : undefined,
      has('k') ? eq(initiatives.kind, sql.placeholder('kind')) : undefined,
      has('r') ? eq(initiatives.riskLevel, sql.placeholder('riskLevel')) : undefined,
      has('t') ? eq(initiatives.teamId, sql.placeholder('teamId')) : undefined,
      has('b') ? eq(initiatives.businessUnitId, sql.placeholder('businessUnitId')) : undefined,
      has('o') ? eq(initiatives.ownerUserId, sql.placeholder('ownerUserId')) : undefined,
      has('q') ? ilike(initiatives.title, sql.placeholder('q')) : undefined,
      has('f') ? sql`${initiatives.customFields} @> ${sql.placeholder('customFields')}::jsonb` : undefined,
      has('c') ? afterNewestPlaceholders(initiatives.createdAt, initiatives.id) : undefined,
    ))
    .orderBy(desc(initiatives.createdAt), desc(initiatives.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
});

/** A page of the workspace's initiatives, newest first. */
export async function listInitiatives(db: Queryable, workspaceId: string, f: InitiativeFilter, limit: number, cursor: string | undefined) {
  const key = newestCursorKey(cursor);
  const variant = [
    f.includeArchived && 'a', f.status && 's', f.kind && 'k', f.riskLevel && 'r', f.teamId && 't', f.businessUnitId && 'b',
    f.ownerUserId && 'o', f.q && 'q', f.customFields && 'f', key && 'c',
  ].filter(Boolean).join('');
  const rows = await initiativePage(db, variant).execute({
    workspaceId, status: f.status, kind: f.kind, riskLevel: f.riskLevel, teamId: f.teamId, businessUnitId: f.businessUnitId,
    ownerUserId: f.ownerUserId, q: f.q ? containsPattern(f.q) : undefined,
    customFields: f.customFields ? JSON.stringify(f.customFields) : undefined, cursorAt: key?.[0], cursorId: key?.[1], limit: limit + 1,
  });
  return page(rows, limit, (r) => presentInitiative(r.i, r), (r) => [r.at, r.i.id]);
}

const initiativeById = preparedQuery('tandem_initiative_by_id', (db, name) =>
  db.select().from(initiatives).where(and(eq(initiatives.workspaceId, sql.placeholder('workspaceId')), eq(initiatives.id, sql.placeholder('id')))).limit(1).prepare(name));

/**
 * The initiative (its row locked for a change when `lock`); another workspace's id is not found.
 * FOR NO KEY UPDATE leaves the key-share locks of foreign keys free: links, milestones and
 * dependencies can still point at it meanwhile.
 */
async function loadInitiative(db: Queryable, workspaceId: string, initiativeId: string, lock = false) {
  const [row] = lock
    ? await db.select().from(initiatives).where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, initiativeId))).limit(1).for('no key update')
    : await initiativeById(db).execute({ workspaceId, id: initiativeId });
  if (!row) throw notFound('Initiative');
  return row;
}

async function countsOf(db: Queryable, initiativeId: string): Promise<InitiativeCounts> {
  const [r] = await db.select(countColumns).from(initiatives).where(eq(initiatives.id, initiativeId));
  return r ?? { linkCount: 0, milestoneCount: 0, dependsOnCount: 0, dependentCount: 0 };
}

export async function getInitiative(db: Queryable, workspaceId: string, initiativeId: string): Promise<TInitiativeDetail> {
  const i = await loadInitiative(db, workspaceId, initiativeId);
  const [links, milestones, ends] = await Promise.all([
    listLinks(db, workspaceId, { initiativeId }),
    listMilestones(db, workspaceId, initiativeId),
    dependencyEnds(db, workspaceId, initiativeId),
  ]);
  const counts = { linkCount: links.length, milestoneCount: milestones.length, dependsOnCount: ends.dependsOn.length, dependentCount: ends.dependents.length };
  return { ...presentInitiative(i, counts), links, milestones, ...ends };
}

const PARENT = 'body.parentInitiativeId';

/**
 * A new parent must be a live initiative of the workspace, and neither the initiative itself
 * nor one of its parts, directly or not (that would be a cycle). The caller holds the
 * structure lock when `initiativeId` exists, so two moves cannot close a cycle together.
 */
async function assertParent(tx: Queryable, workspaceId: string, initiativeId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  if (parentId === initiativeId) throw invalidField(PARENT, 'cannot be the initiative itself');
  const [p] = await tx.select({ archivedAt: initiatives.archivedAt }).from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, parentId))).limit(1);
  if (!p) throw invalidField(PARENT, 'is not an initiative of this workspace');
  if (p.archivedAt) throw invalidField(PARENT, 'is an archived initiative; choose a live one or restore it first');
  if (!initiativeId) return;
  // The new parent and its ancestors, nearest first: this initiative among them closes a cycle.
  const up = await tx.execute<{ id: string; title: string }>(sql`
    with recursive up(id, parent_id, title, depth) as (
      select id, parent_initiative_id, title, 0 from initiatives where id = ${parentId} and workspace_id = ${workspaceId}
      union all
      select i.id, i.parent_initiative_id, i.title, up.depth + 1 from initiatives i join up on i.id = up.parent_id
      where up.id <> ${initiativeId} and up.depth < 10000
    )
    select id, title from up order by depth`);
  const chain = up.rows;
  const at = chain.findIndex((r) => r.id === initiativeId);
  if (at >= 0) {
    const self = chain[at]!.title;
    const path = [self, ...chain.slice(0, at + 1).map((r) => r.title)].map((t) => `'${t}'`).join(' → ');
    throw invalidField(PARENT, `is part of this initiative; ${path} would be a cycle`);
  }
}

/** createInitiative's input: the contract's, with the newer fields optional for callers in code (the demo). */
type NewFields = 'kind' | 'teamId' | 'parentInitiativeId' | 'riskLevel';
export type CreateInitiativeInput = Omit<TCreateInitiative, NewFields> & Partial<Pick<TCreateInitiative, NewFields>>;

export async function createInitiative(tx: Queryable, audit: AuditContext, workspaceId: string, input: CreateInitiativeInput): Promise<TInitiative> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  await assertTeam(tx, workspaceId, input.teamId, 'body.teamId');
  await assertParent(tx, workspaceId, null, input.parentInitiativeId);
  const [i] = await tx.insert(initiatives).values({ ...toRow(input), workspaceId }).returning();
  const out = presentInitiative(i!);
  await recordAudit(tx, audit, { workspaceId, action: 'initiative.create', entityType: 'initiative', entityId: i!.id, after: out });
  return out;
}

/** A 409 that changes nothing, with the reasons by the date field each concerns. */
function datesRefused(title: string, reasons: { field: 'startDate' | 'endDate'; message: string }[], tail: string): AppError {
  const errors = (['startDate', 'endDate'] as const)
    .map((field) => ({ path: `body.${field}`, message: reasons.filter((r) => r.field === field).map((r) => r.message).join('; ') }))
    .filter((e) => e.message);
  return new AppError(409, 'Conflict', `'${title}' ${reasons.map((r) => r.message).join('; ')}. ${tail}`, errors);
}

/** The broken finish-to-start rules between `span` and the initiative's live neighbours. */
async function liveDateConflicts(tx: Queryable, workspaceId: string, initiativeId: string, span: { startDate: string | null; endDate: string | null }) {
  const ends = await dependencyEnds(tx, workspaceId, initiativeId);
  const live = (list: typeof ends.dependsOn) => list.filter((e) => !e.archived);
  return dateConflicts(span, live(ends.dependsOn), live(ends.dependents));
}

/**
 * Changes the given fields. Changed dates keep finish-to-start with live neighbours (it starts
 * after each prerequisite's last day, its last day is before each dependent's start) and keep the
 * milestones inside; a move of both dates by the same days moves the milestones along. Any
 * refusal is a 409 naming what is in the way, and nothing is changed. Only a date that changes
 * is checked against the neighbours: a rule broken before (by data older than the rule, say)
 * never refuses an edit of something else.
 */
export async function updateInitiative(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, input: TUpdateInitiative,
): Promise<TInitiative> {
  // The structure lock comes before the row lock, as in every path that takes both.
  if (input.startDate !== undefined || input.endDate !== undefined || input.parentInitiativeId) await lockInitiativeStructure(tx, workspaceId);
  const before = await loadInitiative(tx, workspaceId, initiativeId, true);
  assertEditable(before, 'initiative');
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const start = input.startDate !== undefined ? input.startDate : before.startDate;
  const end = input.endDate !== undefined ? input.endDate : before.endDate;
  if (start && end && end < start) throw invalidField('body.endDate', 'must not be before startDate');
  const counts = await countsOf(tx, initiativeId);
  const shown = presentInitiative(before, counts);
  const changes = changedFields(shown, input);
  // Only a new team or parent is checked: an initiative keeps the one it has even once archived.
  if (changes.teamId) await assertTeam(tx, workspaceId, changes.teamId, 'body.teamId');
  if (changes.parentInitiativeId) await assertParent(tx, workspaceId, initiativeId, changes.parentInitiativeId);
  if (Object.keys(changes).length === 0) return shown;

  if (changes.startDate !== undefined || changes.endDate !== undefined) {
    const span = { startDate: start, endDate: end };
    const broken = (await liveDateConflicts(tx, workspaceId, initiativeId, span)).filter((c) => changes[c.field] !== undefined);
    if (broken.length) throw datesRefused(before.title, broken, 'Nothing was changed.');
    const move = wholeMove(before, span);
    if (move !== null) {
      await shiftMilestones(tx, audit, workspaceId, initiativeId, move);
    } else {
      const outside = milestonesOutside(await listMilestones(tx, workspaceId, initiativeId), span);
      if (outside.length) {
        const reasons = outside.map((m) => ({
          field: start && m.dueDate < start ? 'startDate' as const : 'endDate' as const,
          message: `would leave milestone '${m.title}' (due ${m.dueDate}) outside its dates`,
        }));
        throw datesRefused(before.title, reasons, 'Move or delete those milestones first; nothing was changed.');
      }
    }
  }

  const [i] = await tx.update(initiatives).set({ ...toRow(changes), updatedAt: sql`now()` }).where(eq(initiatives.id, initiativeId)).returning();
  const out = presentInitiative(i!, counts);
  await recordAudit(tx, audit, { workspaceId, action: 'initiative.update', entityType: 'initiative', entityId: initiativeId, before: shown, after: out });
  return out;
}

/**
 * Archives (archive = true) or restores an initiative; links, milestones and dependencies are
 * kept either way. While archived it holds no neighbour's dates back, so a restore checks
 * finish-to-start with the live neighbours again and is refused (409 naming them, nothing
 * changed) when their dates moved into its way meanwhile.
 */
export async function setInitiativeArchived(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, archive: boolean,
): Promise<TInitiative> {
  // The structure lock comes before the row lock, as in every path that takes both.
  if (!archive) await lockInitiativeStructure(tx, workspaceId);
  const before = await loadInitiative(tx, workspaceId, initiativeId, true);
  assertArchiveChange(before, archive, 'initiative');
  if (!archive) {
    const broken = await liveDateConflicts(tx, workspaceId, initiativeId, before);
    if (broken.length) {
      throw datesRefused(before.title, broken, 'Move the other initiative’s dates first; it stays archived and nothing was changed.');
    }
  }
  const [i] = await tx
    .update(initiatives)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(initiatives.id, initiativeId))
    .returning();
  const counts = await countsOf(tx, initiativeId);
  const out = presentInitiative(i!, counts);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'initiative.archive' : 'initiative.restore', entityType: 'initiative', entityId: initiativeId,
    before: presentInitiative(before, counts), after: out,
  });
  return out;
}
