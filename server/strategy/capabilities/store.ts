import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  capabilityGap, orderCapabilityTree, rollUpCapabilities, wouldCreateCycle,
  type TCapability, type TCapabilityLink, type TCapabilityLinkedItem, type TCreateCapability, type TCreateCapabilityLink, type TUpdateCapability,
} from '../../../domain/strategy/capabilities';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import { type Queryable, readAll } from '../../platform/db/client';
import { conflict, invalidField, notFound } from '../../platform/http/errors';
import { assertArchiveChange, assertEditable, changedFields } from '../../platform/lifecycle';
import { assertMembers } from '../../platform/members/references';
import { capabilities, capabilityLinks, goals, initiatives } from '../tables';

type Row = typeof capabilities.$inferSelect;

/** The capability as the audit log keeps it (its own fields, no links or roll-up). */
function snapshot(r: Row) {
  return {
    id: r.id, parentId: r.parentId, name: r.name, description: r.description, ownerUserId: r.ownerUserId,
    currentMaturity: r.currentMaturity, targetMaturity: r.targetMaturity, gap: capabilityGap(r.currentMaturity, r.targetMaturity),
    position: r.position, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), archivedAt: r.archivedAt?.toISOString() ?? null,
  };
}

/**
 * Serialises changes to the shape of a workspace's capability tree, so two moves cannot make a
 * cycle together. Take it before any capability's row lock, as every path here does: a move
 * holding its row while waiting for the tree would deadlock with one that holds the tree and
 * needs a key-share lock on that row for its new parent.
 */
async function lockTree(tx: Queryable, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('capability_tree'), hashtext(${workspaceId}))`);
}

async function rowsOf(db: Queryable, workspaceId: string): Promise<Row[]> {
  return db.select().from(capabilities).where(eq(capabilities.workspaceId, workspaceId));
}

interface LinkRow {
  id: string;
  capabilityId: string;
  goalId: string | null;
  initiativeId: string | null;
  title: string;
  createdAt: Date;
}

/** Every capability link of the workspace (or of one capability) with the goal's or initiative's title, by title. */
async function linkRows(db: Queryable, workspaceId: string, capabilityId?: string): Promise<LinkRow[]> {
  return db
    .select({
      id: capabilityLinks.id, capabilityId: capabilityLinks.capabilityId, goalId: capabilityLinks.goalId, initiativeId: capabilityLinks.initiativeId,
      title: sql<string>`coalesce(${goals.title}, ${initiatives.title}, '')`, createdAt: capabilityLinks.createdAt,
    })
    .from(capabilityLinks)
    .leftJoin(goals, eq(goals.id, capabilityLinks.goalId))
    .leftJoin(initiatives, eq(initiatives.id, capabilityLinks.initiativeId))
    .where(and(eq(capabilityLinks.workspaceId, workspaceId), capabilityId ? eq(capabilityLinks.capabilityId, capabilityId) : undefined))
    .orderBy(sql`coalesce(${goals.title}, ${initiatives.title}, '')`, asc(capabilityLinks.id));
}

/**
 * The capabilities of the workspace in tree order, each with its gap, roll-up and links. The
 * roll-up counts live capabilities only, also when archived ones are listed.
 */
async function presentAll(db: Queryable, workspaceId: string, includeArchived: boolean): Promise<TCapability[]> {
  const all = await rowsOf(db, workspaceId);
  const live = all.filter((r) => !r.archivedAt);
  const rollups = rollUpCapabilities(live);
  const links = await linkRows(db, workspaceId);
  const goalsOf = new Map<string, TCapabilityLinkedItem[]>();
  const initiativesOf = new Map<string, TCapabilityLinkedItem[]>();
  for (const l of links) {
    const [map, id] = l.goalId ? [goalsOf, l.goalId] : [initiativesOf, l.initiativeId!];
    map.set(l.capabilityId, [...(map.get(l.capabilityId) ?? []), { linkId: l.id, id, title: l.title }]);
  }
  return orderCapabilityTree(includeArchived ? all : live).map((r) => {
    const linkedGoals = goalsOf.get(r.id) ?? [];
    const linkedInitiatives = initiativesOf.get(r.id) ?? [];
    return {
      ...snapshot(r),
      depth: r.depth,
      rollup: r.archivedAt ? null : (rollups.get(r.id) ?? null),
      goals: linkedGoals,
      initiatives: linkedInitiatives,
      linkCount: linkedGoals.length + linkedInitiatives.length,
    };
  });
}

/** The whole capability tree (a small, bounded set: no paging). */
export async function listCapabilities(db: Queryable, workspaceId: string, f: { includeArchived: boolean }) {
  return { items: await presentAll(db, workspaceId, f.includeArchived), nextCursor: null };
}

/**
 * One capability as the tree shows it, without building the tree: its depth from its
 * ancestors, its roll-up from its live sub-capabilities (the live branch below it), its links.
 */
export async function getCapability(db: Queryable, workspaceId: string, capabilityId: string): Promise<TCapability> {
  const row = await load(db, workspaceId, capabilityId);
  const [up, below, links] = await readAll(db, [
    // Ancestors, however many (archived ones count: the listing with archived ones places it under them).
    () => db.execute<{ n: number }>(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from capabilities where id = ${row.parentId}::uuid and workspace_id = ${workspaceId}
        union all
        select c.id, c.parent_id, up.depth + 1 from capabilities c join up on c.id = up.parent_id
        where c.workspace_id = ${workspaceId} and up.depth < 10000
      )
      select count(*)::int as n from up`),
    // The live branch below it: what its roll-up is computed over.
    () => row.archivedAt
      ? Promise.resolve([])
      : db.execute<{ id: string; parent_id: string; name: string; position: number; current_maturity: number | null; target_maturity: number | null }>(sql`
          with recursive down(id, depth) as (
            select id, 0 from capabilities where parent_id = ${capabilityId} and archived_at is null and workspace_id = ${workspaceId}
            union all
            select c.id, down.depth + 1 from capabilities c join down on c.parent_id = down.id
            where c.archived_at is null and c.workspace_id = ${workspaceId} and down.depth < 10000
          )
          select c.id, c.parent_id, c.name, c.position, c.current_maturity, c.target_maturity from capabilities c join down on down.id = c.id`)
        .then((r) => r.rows),
    () => linkRows(db, workspaceId, capabilityId),
  ]);
  const branch = below.map((c) => ({
    id: c.id, parentId: c.parent_id, name: c.name, position: c.position, currentMaturity: c.current_maturity, targetMaturity: c.target_maturity,
  }));
  const rollup = row.archivedAt ? null : (rollUpCapabilities([{ ...row, parentId: null }, ...branch]).get(row.id) ?? null);
  const item = (l: LinkRow): TCapabilityLinkedItem => ({ linkId: l.id, id: (l.goalId ?? l.initiativeId)!, title: l.title });
  const linkedGoals = links.filter((l) => l.goalId).map(item);
  const linkedInitiatives = links.filter((l) => !l.goalId).map(item);
  return {
    ...snapshot(row), depth: up.rows[0]?.n ?? 0, rollup, goals: linkedGoals, initiatives: linkedInitiatives,
    linkCount: linkedGoals.length + linkedInitiatives.length,
  };
}

/**
 * The capability (its row locked when `lock`: FOR NO KEY UPDATE to change it, which leaves the
 * key-share locks of foreign keys free, or FOR SHARE to keep it as it is until commit).
 */
async function load(db: Queryable, workspaceId: string, capabilityId: string, lock?: 'change' | 'keep'): Promise<Row> {
  const q = db.select().from(capabilities).where(and(eq(capabilities.workspaceId, workspaceId), eq(capabilities.id, capabilityId))).limit(1);
  const [row] = lock === 'change' ? await q.for('no key update') : lock === 'keep' ? await q.for('share') : await q;
  if (!row) throw notFound('Capability');
  return row;
}

/** A parent must be a live capability of this workspace, and not the capability itself or one below it. */
async function assertParent(tx: Queryable, workspaceId: string, capabilityId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const all = await rowsOf(tx, workspaceId);
  const parent = all.find((r) => r.id === parentId);
  if (!parent) throw invalidField('body.parentId', 'is not a capability of this workspace');
  if (capabilityId && wouldCreateCycle(new Map(all.map((r) => [r.id, r.parentId])), capabilityId, parentId)) {
    throw invalidField('body.parentId', 'cannot be the capability itself or one of its sub-capabilities');
  }
  if (parent.archivedAt) throw invalidField('body.parentId', 'is archived; restore it first');
}

/** After the last live sibling under `parentId`. */
async function nextPosition(tx: Queryable, workspaceId: string, parentId: string | null): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`coalesce(max(${capabilities.position}) + 1, 0)::int` })
    .from(capabilities)
    .where(and(
      eq(capabilities.workspaceId, workspaceId),
      parentId ? eq(capabilities.parentId, parentId) : isNull(capabilities.parentId),
      isNull(capabilities.archivedAt),
    ));
  return Math.min(r?.n ?? 0, 1_000_000);
}

export async function createCapability(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateCapability): Promise<TCapability> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await lockTree(tx, workspaceId);
  await assertParent(tx, workspaceId, null, input.parentId);
  const position = input.position ?? (await nextPosition(tx, workspaceId, input.parentId));
  const [row] = await tx.insert(capabilities).values({ ...input, position, workspaceId }).returning();
  await recordAudit(tx, audit, { workspaceId, action: 'capability.create', entityType: 'capability', entityId: row!.id, after: snapshot(row!) });
  return getCapability(tx, workspaceId, row!.id);
}

export async function updateCapability(
  tx: Queryable, audit: AuditContext, workspaceId: string, capabilityId: string, input: TUpdateCapability,
): Promise<TCapability> {
  // The tree lock comes before the row lock (see lockTree).
  if (input.parentId !== undefined) await lockTree(tx, workspaceId);
  const before = await load(tx, workspaceId, capabilityId, 'change');
  assertEditable(before, 'capability');
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return getCapability(tx, workspaceId, capabilityId);
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': changes.ownerUserId });
  if (changes.parentId !== undefined) await assertParent(tx, workspaceId, capabilityId, changes.parentId);
  const [row] = await tx.update(capabilities).set({ ...changes, updatedAt: sql`now()` }).where(eq(capabilities.id, capabilityId)).returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'capability.update', entityType: 'capability', entityId: capabilityId, before: snapshot(before), after: snapshot(row!),
  });
  return getCapability(tx, workspaceId, capabilityId);
}

/**
 * Archives or restores a capability. A capability with live sub-capabilities is not archived
 * (archive or move them first), and one under an archived parent is not restored (restore the
 * parent first or move it), so the live tree never hangs from an archived branch.
 */
export async function setCapabilityArchived(
  tx: Queryable, audit: AuditContext, workspaceId: string, capabilityId: string, archive: boolean,
): Promise<TCapability> {
  await lockTree(tx, workspaceId);
  const before = await load(tx, workspaceId, capabilityId, 'change');
  assertArchiveChange(before, archive, 'capability');
  if (archive) {
    const [child] = await tx
      .select({ id: capabilities.id })
      .from(capabilities)
      .where(and(eq(capabilities.parentId, capabilityId), isNull(capabilities.archivedAt)))
      .limit(1);
    if (child) throw conflict('This capability has sub-capabilities; archive or move them first.');
  } else if (before.parentId) {
    const parent = await load(tx, workspaceId, before.parentId);
    if (parent.archivedAt) throw conflict('The parent of this capability is archived; restore the parent first.');
  }
  const [row] = await tx
    .update(capabilities)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(capabilities.id, capabilityId))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'capability.archive' : 'capability.restore', entityType: 'capability', entityId: capabilityId,
    before: snapshot(before), after: snapshot(row!),
  });
  return getCapability(tx, workspaceId, capabilityId);
}

function presentLink(l: LinkRow, capabilityName: string): TCapabilityLink {
  return {
    id: l.id, capabilityId: l.capabilityId, capabilityName, goalId: l.goalId, initiativeId: l.initiativeId, title: l.title,
    createdAt: l.createdAt.toISOString(),
  };
}

/**
 * Links a capability to a live goal or initiative of the same workspace (another workspace's
 * or an archived one: 400 on the field); the same pair twice is a 409. The capability and the
 * goal or initiative are held FOR SHARE until commit, so neither is archived meanwhile.
 */
export async function createCapabilityLink(
  tx: Queryable, audit: AuditContext, workspaceId: string, capabilityId: string, input: TCreateCapabilityLink,
): Promise<TCapabilityLink> {
  const capability = await load(tx, workspaceId, capabilityId, 'keep');
  assertEditable(capability, 'capability');
  if (input.goalId) {
    const [g] = await tx.select({ archivedAt: goals.archivedAt }).from(goals)
      .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, input.goalId))).for('share');
    if (!g) throw invalidField('body.goalId', 'is not a goal of this workspace');
    if (g.archivedAt) throw invalidField('body.goalId', 'is an archived goal; choose a live goal or restore it first');
  } else {
    const [i] = await tx
      .select({ archivedAt: initiatives.archivedAt })
      .from(initiatives)
      .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, input.initiativeId!)))
      .for('share');
    if (!i) throw invalidField('body.initiativeId', 'is not an initiative of this workspace');
    if (i.archivedAt) throw invalidField('body.initiativeId', 'is an archived initiative; choose a live one or restore it first');
  }
  const [created] = await tx
    .insert(capabilityLinks)
    .values({ workspaceId, capabilityId, goalId: input.goalId ?? null, initiativeId: input.initiativeId ?? null })
    .onConflictDoNothing()
    .returning({ id: capabilityLinks.id });
  if (!created) throw conflict(input.goalId ? 'This capability is already linked to that goal.' : 'This capability is already linked to that initiative.');
  const link = (await linkRows(tx, workspaceId, capabilityId)).find((l) => l.id === created.id)!;
  const out = presentLink(link, capability.name);
  await recordAudit(tx, audit, { workspaceId, action: 'capability_link.create', entityType: 'capability_link', entityId: out.id, after: out });
  return out;
}

/** Unlinking is permanent: a link holds nothing but its two ends, and the audit log keeps it. */
export async function deleteCapabilityLink(tx: Queryable, audit: AuditContext, workspaceId: string, linkId: string): Promise<void> {
  const [found] = await tx
    .select({ capabilityId: capabilityLinks.capabilityId, name: capabilities.name })
    .from(capabilityLinks)
    .innerJoin(capabilities, eq(capabilities.id, capabilityLinks.capabilityId))
    .where(and(eq(capabilityLinks.workspaceId, workspaceId), eq(capabilityLinks.id, linkId)))
    .for('update', { of: capabilityLinks });
  if (!found) throw notFound('Capability link');
  const before = presentLink((await linkRows(tx, workspaceId, found.capabilityId)).find((l) => l.id === linkId)!, found.name);
  await tx.delete(capabilityLinks).where(eq(capabilityLinks.id, linkId));
  await recordAudit(tx, audit, { workspaceId, action: 'capability_link.delete', entityType: 'capability_link', entityId: linkId, before });
}
