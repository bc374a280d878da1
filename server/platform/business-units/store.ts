import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TListQuery } from '../../../domain/common';
import type { TBusinessUnit } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import type { Queryable } from '../db/client';
import { conflict, notFound } from '../http/errors';
import { assertMembers } from '../members/references';
import { assertArchiveChange, assertEditable, changedFields } from '../lifecycle';
import { after, decodeCursor, page } from '../http/pagination';
import { businessUnits } from '../tables';

type BusinessUnitRow = typeof businessUnits.$inferSelect;

export function presentBusinessUnit(u: BusinessUnitRow): TBusinessUnit {
  return {
    id: u.id, name: u.name, description: u.description, headUserId: u.headUserId, liaisonUserId: u.liaisonUserId,
    sponsorUserId: u.sponsorUserId, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString(),
    archivedAt: u.archivedAt?.toISOString() ?? null,
  };
}

const sortName = sql<string>`lower(${businessUnits.name})`;
const UnitCursor = z.tuple([z.string(), z.uuid()]);

/** The workspace's business units by name; archived ones only when asked for. */
export async function listBusinessUnits(db: Queryable, workspaceId: string, q: TListQuery & { includeArchived: boolean }) {
  const cursor = decodeCursor(q.cursor, UnitCursor);
  const rows = await db
    .select({ u: businessUnits, sortName })
    .from(businessUnits)
    .where(and(
      eq(businessUnits.workspaceId, workspaceId),
      q.includeArchived ? undefined : isNull(businessUnits.archivedAt),
      cursor ? after([sortName, businessUnits.id], [sql`${cursor[0]}`, sql`${cursor[1]}::uuid`], 'asc') : undefined,
    ))
    .orderBy(asc(sortName), asc(businessUnits.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => presentBusinessUnit(r.u), (r) => [r.sortName, r.u.id]);
}

/** A business unit of this workspace; another workspace's id is a 404 like an unknown one. */
export async function getBusinessUnit(db: Queryable, workspaceId: string, id: string, opts: { lock?: boolean } = {}): Promise<BusinessUnitRow> {
  const query = db.select().from(businessUnits).where(and(eq(businessUnits.workspaceId, workspaceId), eq(businessUnits.id, id)));
  const [u] = opts.lock ? await query.for('update') : await query;
  if (!u) throw notFound('Business unit');
  return u;
}

const PEOPLE = ['headUserId', 'liaisonUserId', 'sponsorUserId'] as const;
type People = Partial<Record<(typeof PEOPLE)[number], string | null>>;
/** Head, liaison and sponsor, keyed by their field path. */
const peopleOf = (p: People) => Object.fromEntries(PEOPLE.map((k) => [`body.${k}`, p[k]]));


/** A clear 409 for a name another unit of the workspace has (the unique index has the last word). */
async function assertNameFree(tx: Queryable, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ archivedAt: businessUnits.archivedAt })
    .from(businessUnits)
    .where(and(
      eq(businessUnits.workspaceId, workspaceId),
      eq(sql`lower(${businessUnits.name})`, name.toLowerCase()),
      exceptId ? ne(businessUnits.id, exceptId) : undefined,
    ))
    .limit(1);
  if (other) {
    throw conflict(`A business unit named "${name}" already exists${other.archivedAt ? ' (archived: restore it instead)' : ''}.`);
  }
}

export interface BusinessUnitInput extends People {
  name: string;
  description: string;
}

export async function createBusinessUnit(tx: Queryable, audit: AuditContext, workspaceId: string, input: BusinessUnitInput): Promise<BusinessUnitRow> {
  await assertMembers(tx, workspaceId, peopleOf(input));
  await assertNameFree(tx, workspaceId, input.name);
  const [u] = await tx.insert(businessUnits).values({ ...input, workspaceId }).returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'business_unit.create', entityType: 'business_unit', entityId: u!.id, after: presentBusinessUnit(u!),
  });
  return u!;
}

/** Changes the given fields. An archived unit takes no changes until restored. */
export async function updateBusinessUnit(
  tx: Queryable,
  audit: AuditContext,
  workspaceId: string,
  id: string,
  patch: Partial<BusinessUnitInput>,
): Promise<BusinessUnitRow> {
  const before = await getBusinessUnit(tx, workspaceId, id, { lock: true });
  assertEditable(before, 'business unit');
  await assertMembers(tx, workspaceId, peopleOf(patch));
  if (patch.name !== undefined && patch.name !== before.name) await assertNameFree(tx, workspaceId, patch.name, id);
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return before;
  const [u] = await tx.update(businessUnits).set({ ...changes, updatedAt: sql`now()` }).where(eq(businessUnits.id, id)).returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'business_unit.update', entityType: 'business_unit', entityId: id,
    before: presentBusinessUnit(before), after: presentBusinessUnit(u!),
  });
  return u!;
}

/** Archives or restores a unit; asking for the state it is in is a 409. */
export async function setBusinessUnitArchived(
  tx: Queryable,
  audit: AuditContext,
  workspaceId: string,
  id: string,
  archived: boolean,
): Promise<BusinessUnitRow> {
  const before = await getBusinessUnit(tx, workspaceId, id, { lock: true });
  assertArchiveChange(before, archived, 'business unit');
  const [u] = await tx
    .update(businessUnits)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(businessUnits.id, id))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId, action: archived ? 'business_unit.archive' : 'business_unit.restore', entityType: 'business_unit', entityId: id,
    before: presentBusinessUnit(before), after: presentBusinessUnit(u!),
  });
  return u!;
}
