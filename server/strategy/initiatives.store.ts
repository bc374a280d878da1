import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { TCreateInitiative, TInitiative, TInitiativeDetail, TUpdateInitiative } from '../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../platform/audit/record';
import type { Queryable } from '../platform/db/client';
import { assertArchiveChange, assertEditable, changedFields } from '../platform/lifecycle';
import { invalidField, notFound } from '../platform/http/errors';
import { afterNewestPlaceholders, containsPattern, exactTime, newestCursorKey, page } from '../platform/http/pagination';
import { preparedQuery } from '../platform/db/prepared';
import { listLinks } from './links.store';
import { assertMembers } from '../platform/members/references';
import { assertBusinessUnit } from './references';
import { goalLinks, initiatives } from './tables';

type InitiativeRow = typeof initiatives.$inferSelect;

export function presentInitiative(i: InitiativeRow, linkCount: number): TInitiative {
  return {
    id: i.id, title: i.title, description: i.description, ownerUserId: i.ownerUserId, businessUnitId: i.businessUnitId,
    status: i.status, startDate: i.startDate, endDate: i.endDate,
    // numeric columns arrive as numbers (see db/client.ts); the cast only satisfies Drizzle's string type.
    capex: Number(i.capex), opex: Number(i.opex), effortDays: Number(i.effortDays),
    createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(), archivedAt: i.archivedAt?.toISOString() ?? null,
    linkCount,
  };
}

// Written out: Drizzle leaves columns unqualified inside a subquery, where "id" would be the link's.
const linkCount = sql<number>`(select count(*)::int from goal_links gl where gl.initiative_id = "initiatives"."id")`;

export interface InitiativeFilter {
  status?: TInitiative['status'];
  businessUnitId?: string;
  ownerUserId?: string;
  q?: string;
  includeArchived: boolean;
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
 * included, s = status, b = business unit, o = owner, q = title search, c = cursor).
 */
const initiativePage = preparedQuery('tandem_initiative_page', (db, name, variant) => {
  const has = (letter: string) => variant.includes(letter);
  return db
    .select({ i: initiatives, linkCount, at: exactTime(initiatives.createdAt) })
    .from(initiatives)
    .where(and(
      eq(initiatives.workspaceId, sql.placeholder('workspaceId')),
      has('a') ? undefined : isNull(initiatives.archivedAt),
      has('s') ? eq(initiatives.status, sql.placeholder('status')) : undefined,
      has('b') ? eq(initiatives.businessUnitId, sql.placeholder('businessUnitId')) : undefined,
      has('o') ? eq(initiatives.ownerUserId, sql.placeholder('ownerUserId')) : undefined,
      has('q') ? ilike(initiatives.title, sql.placeholder('q')) : undefined,
      has('c') ? afterNewestPlaceholders(initiatives.createdAt, initiatives.id) : undefined,
    ))
    .orderBy(desc(initiatives.createdAt), desc(initiatives.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
});

/** A page of the workspace's initiatives, newest first. */
export async function listInitiatives(db: Queryable, workspaceId: string, f: InitiativeFilter, limit: number, cursor: string | undefined) {
  const key = newestCursorKey(cursor);
  const variant = [f.includeArchived && 'a', f.status && 's', f.businessUnitId && 'b', f.ownerUserId && 'o', f.q && 'q', key && 'c']
    .filter(Boolean).join('');
  const rows = await initiativePage(db, variant).execute({
    workspaceId, status: f.status, businessUnitId: f.businessUnitId, ownerUserId: f.ownerUserId,
    q: f.q ? containsPattern(f.q) : undefined, cursorAt: key?.[0], cursorId: key?.[1], limit: limit + 1,
  });
  return page(rows, limit, (r) => presentInitiative(r.i, r.linkCount), (r) => [r.at, r.i.id]);
}

const initiativeById = preparedQuery('tandem_initiative_by_id', (db, name) =>
  db.select().from(initiatives).where(and(eq(initiatives.workspaceId, sql.placeholder('workspaceId')), eq(initiatives.id, sql.placeholder('id')))).limit(1).prepare(name));

/** The initiative (locked for update when `lock`); another workspace's id is not found. */
async function loadInitiative(db: Queryable, workspaceId: string, initiativeId: string, lock = false) {
  const [row] = lock
    ? await db.select().from(initiatives).where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, initiativeId))).limit(1).for('update')
    : await initiativeById(db).execute({ workspaceId, id: initiativeId });
  if (!row) throw notFound('Initiative');
  return row;
}

async function countLinks(db: Queryable, initiativeId: string) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(goalLinks).where(eq(goalLinks.initiativeId, initiativeId));
  return r?.n ?? 0;
}

export async function getInitiative(db: Queryable, workspaceId: string, initiativeId: string): Promise<TInitiativeDetail> {
  const i = await loadInitiative(db, workspaceId, initiativeId);
  const links = await listLinks(db, workspaceId, { initiativeId });
  return { ...presentInitiative(i, links.length), links };
}

export async function createInitiative(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateInitiative): Promise<TInitiative> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const [i] = await tx.insert(initiatives).values({ ...toRow(input), workspaceId }).returning();
  const out = presentInitiative(i!, 0);
  await recordAudit(tx, audit, { workspaceId, action: 'initiative.create', entityType: 'initiative', entityId: i!.id, after: out });
  return out;
}

export async function updateInitiative(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, input: TUpdateInitiative,
): Promise<TInitiative> {
  const before = await loadInitiative(tx, workspaceId, initiativeId, true);
  assertEditable(before, 'initiative');
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertBusinessUnit(tx, workspaceId, input.businessUnitId, 'body.businessUnitId');
  const start = input.startDate !== undefined ? input.startDate : before.startDate;
  const end = input.endDate !== undefined ? input.endDate : before.endDate;
  if (start && end && end < start) throw invalidField('body.endDate', 'must not be before startDate');
  const n = await countLinks(tx, initiativeId);
  const changes = changedFields(presentInitiative(before, n), input);
  if (Object.keys(changes).length === 0) return presentInitiative(before, n);
  const [i] = await tx.update(initiatives).set({ ...toRow(changes), updatedAt: sql`now()` }).where(eq(initiatives.id, initiativeId)).returning();
  const out = presentInitiative(i!, n);
  await recordAudit(tx, audit, { workspaceId, action: 'initiative.update', entityType: 'initiative', entityId: initiativeId, before: presentInitiative(before, n), after: out });
  return out;
}

/** Archives (archive = true) or restores an initiative; links are kept either way. */
export async function setInitiativeArchived(
  tx: Queryable, audit: AuditContext, workspaceId: string, initiativeId: string, archive: boolean,
): Promise<TInitiative> {
  const before = await loadInitiative(tx, workspaceId, initiativeId, true);
  assertArchiveChange(before, archive, 'initiative');
  const [i] = await tx
    .update(initiatives)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(initiatives.id, initiativeId))
    .returning();
  const n = await countLinks(tx, initiativeId);
  const out = presentInitiative(i!, n);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'initiative.archive' : 'initiative.restore', entityType: 'initiative', entityId: initiativeId,
    before: presentInitiative(before, n), after: out,
  });
  return out;
}
