import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  dependencyDateProblem, describeCycle, findCycle, type DependencyEdge, type TCreateDependency, type TInitiativeDependency,
} from '../../../domain/strategy/dependencies';
import type { TDependencyEnd } from '../../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import { type Queryable, readAll } from '../../platform/db/client';
import { preparedQuery } from '../../platform/db/prepared';
import { AppError, conflict, invalidField, notFound } from '../../platform/http/errors';
import { initiativeDependencies as deps, initiatives } from '../tables';

/**
 * Serialises changes to the structure of a workspace's initiatives: dependencies added, dates
 * moved, parents changed. Two transactions that each look fine alone (A → B and B → A added
 * at once, or a prerequisite's end and its dependent's start moved together) would otherwise
 * both pass their checks. Take it before any row lock, so every path locks in the same order.
 */
export async function lockInitiativeStructure(tx: Queryable, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('initiative_structure'), hashtext(${workspaceId}))`);
}

type DependencyRow = typeof deps.$inferSelect;

export function presentDependency(d: DependencyRow): TInitiativeDependency {
  return { id: d.id, initiativeId: d.initiativeId, dependsOnId: d.dependsOnId, note: d.note, createdAt: d.createdAt.toISOString() };
}

const other = alias(initiatives, 'other');
const endColumns = {
  dependencyId: deps.id, id: other.id, title: other.title, status: other.status, startDate: other.startDate, endDate: other.endDate,
  archivedAt: other.archivedAt, note: deps.note,
};

/** The other ends of an initiative's dependencies, by title: prepared per side (p = prerequisites, d = dependents). */
const endsOf = preparedQuery('tandem_dependency_ends', (db, name, side) =>
  db.select(endColumns)
    .from(deps)
    .innerJoin(other, eq(other.id, side === 'p' ? deps.dependsOnId : deps.initiativeId))
    .where(and(
      eq(deps.workspaceId, sql.placeholder('workspaceId')),
      eq(side === 'p' ? deps.initiativeId : deps.dependsOnId, sql.placeholder('initiativeId')),
    ))
    .orderBy(asc(other.title), asc(other.id))
    .limit(5000)
    .prepare(name));

type EndRow = Awaited<ReturnType<ReturnType<typeof endsOf>['execute']>>[number];
const presentEnd = (r: EndRow): TDependencyEnd => ({
  dependencyId: r.dependencyId, id: r.id, title: r.title, status: r.status, startDate: r.startDate, endDate: r.endDate,
  archived: r.archivedAt !== null, note: r.note,
});

/** What an initiative depends on and what depends on it. */
export async function dependencyEnds(db: Queryable, workspaceId: string, initiativeId: string) {
  const [p, d] = await readAll(db, [
    () => endsOf(db, 'p').execute({ workspaceId, initiativeId }),
    () => endsOf(db, 'd').execute({ workspaceId, initiativeId }),
  ]);
  return { dependsOn: p.map(presentEnd), dependents: d.map(presentEnd) };
}

async function initiativeOf(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select({ id: initiatives.id, title: initiatives.title, startDate: initiatives.startDate, endDate: initiatives.endDate, archivedAt: initiatives.archivedAt })
    .from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, id)))
    .limit(1);
  return row ?? null;
}

/** The dependency edges reachable from `from` along "depends on": all a cycle through a new edge into `from` can use. */
async function edgesFrom(db: Queryable, workspaceId: string, from: string): Promise<DependencyEdge[]> {
  const res = await db.execute<{ initiative_id: string; depends_on_id: string }>(sql`
    with recursive reach(id) as (
      select ${from}::uuid
      union
      select d.depends_on_id from initiative_dependencies d join reach r on d.initiative_id = r.id where d.workspace_id = ${workspaceId}
    )
    select d.initiative_id, d.depends_on_id from initiative_dependencies d
    where d.workspace_id = ${workspaceId} and d.initiative_id in (select id from reach)`);
  return res.rows.map((r) => ({ initiativeId: r.initiative_id, dependsOnId: r.depends_on_id }));
}

async function titlesOf(db: Queryable, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: initiatives.id, title: initiatives.title }).from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), inArray(initiatives.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * "initiativeId depends on input.dependsOnId". Refused: the initiative itself, another
 * workspace's or an archived one (400 on body.dependsOnId), a pair that exists (409), a cycle
 * (409 naming it), and dates that already break finish-to-start (409): nothing is stored then.
 */
export async function createDependency(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, input: TCreateDependency,
): Promise<TInitiativeDependency> {
  await lockInitiativeStructure(tx, workspaceId);
  const dependent = await initiativeOf(tx, workspaceId, initiativeId);
  if (!dependent) throw notFound('Initiative');
  if (dependent.archivedAt) throw conflict('This initiative is archived; restore it to make changes.');
  if (input.dependsOnId === initiativeId) throw invalidField('body.dependsOnId', 'an initiative cannot depend on itself');
  const prerequisite = await initiativeOf(tx, workspaceId, input.dependsOnId);
  if (!prerequisite) throw invalidField('body.dependsOnId', 'is not an initiative of this workspace');
  if (prerequisite.archivedAt) throw invalidField('body.dependsOnId', 'is archived; restore it first');
  const [existing] = await tx.select({ id: deps.id }).from(deps).where(and(eq(deps.initiativeId, initiativeId), eq(deps.dependsOnId, input.dependsOnId))).limit(1);
  if (existing) throw conflict(`'${dependent.title}' already depends on '${prerequisite.title}'.`);
  const cycle = findCycle(await edgesFrom(tx, workspaceId, input.dependsOnId), initiativeId, input.dependsOnId);
  if (cycle) {
    const titles = await titlesOf(tx, workspaceId, cycle);
    const text = describeCycle(cycle, (id) => titles.get(id) ?? id);
    throw new AppError(409, 'Dependency cycle', `${text}: '${prerequisite.title}' already depends on '${dependent.title}'${cycle.length > 3 ? ' through others' : ''}.`);
  }
  const dates = dependencyDateProblem(dependent, prerequisite);
  if (dates) throw conflict(dates);
  const [row] = await tx.insert(deps).values({ workspaceId, initiativeId, dependsOnId: input.dependsOnId, note: input.note }).returning();
  const out = presentDependency(row!);
  await recordAudit(tx, audit, {
    workspaceId, action: 'initiative_dependency.create', entityType: 'initiative_dependency', entityId: out.id,
    after: { ...out, initiativeTitle: dependent.title, dependsOnTitle: prerequisite.title },
  });
  return out;
}

/** Removes a dependency for good (it holds nothing beyond its note; the audit log keeps it). */
export async function deleteDependency(tx: Queryable, audit: AuditContext, workspaceId: string, dependencyId: string): Promise<void> {
  const [row] = await tx.select().from(deps).where(and(eq(deps.workspaceId, workspaceId), eq(deps.id, dependencyId))).limit(1).for('update');
  if (!row) throw notFound('Dependency');
  const titles = await titlesOf(tx, workspaceId, [row.initiativeId, row.dependsOnId]);
  const [dependent] = await tx.select({ archivedAt: initiatives.archivedAt }).from(initiatives).where(eq(initiatives.id, row.initiativeId));
  if (dependent?.archivedAt) throw conflict(`'${titles.get(row.initiativeId)}' is archived; restore it to change its dependencies.`);
  await tx.delete(deps).where(eq(deps.id, dependencyId));
  await recordAudit(tx, audit, {
    workspaceId, action: 'initiative_dependency.delete', entityType: 'initiative_dependency', entityId: dependencyId,
    before: { ...presentDependency(row), initiativeTitle: titles.get(row.initiativeId), dependsOnTitle: titles.get(row.dependsOnId) },
  });
}
