import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { TRole } from '../../../domain/platform/roles';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import { looksLikeId } from '../../../domain/common';
import type { Queryable } from '../db/client';
import { conflict, notFound } from '../http/errors';
import { memberships, workspaces } from '../tables';

type WorkspaceRow = typeof workspaces.$inferSelect;

export function presentWorkspace(w: WorkspaceRow, role: TRole): TWorkspace {
  return {
    id: w.id, slug: w.slug, name: w.name, currency: w.currency,
    createdAt: w.createdAt.toISOString(), archivedAt: w.archivedAt?.toISOString() ?? null, role,
  };
}

/** Workspaces the user belongs to, active first, by name. */
export async function listWorkspacesFor(db: Queryable, userId: string): Promise<TWorkspace[]> {
  const rows = await db
    .select({ w: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(sql`${workspaces.archivedAt} is not null`, asc(workspaces.name));
  return rows.map((r) => presentWorkspace(r.w, r.role));
}

/** A readable address from a name; never shaped like an id, so `:ws` is never ambiguous. */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (looksLikeId(s)) return `ws-${s.slice(0, 37)}`;
  return s.length >= 2 ? s : `workspace${s ? '-' + s : ''}`;
}

/**
 * Creates a workspace with `ownerUserId` as its owner. A slug asked for and taken is a 409;
 * without one, the name's slug gets -2, -3, … until one is free (a unique index decides races).
 */
export async function createWorkspace(
  tx: Queryable,
  audit: AuditContext,
  input: { name: string; slug?: string; currency?: string; ownerUserId: string },
) {
  const base = input.slug ?? slugify(input.name);
  let w: WorkspaceRow | undefined;
  for (let i = 1; !w; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    [w] = await tx
      .insert(workspaces)
      .values({ name: input.name, slug, currency: input.currency ?? 'EUR' })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning();
    if (!w && input.slug) throw conflict(`The address "${input.slug}" is taken.`);
  }
  await tx.insert(memberships).values({ workspaceId: w.id, userId: input.ownerUserId, role: 'owner' });
  await recordAudit(tx, audit, { workspaceId: w.id, action: 'workspace.create', entityType: 'workspace', entityId: w.id, after: w });
  await recordAudit(tx, audit, {
    workspaceId: w.id, action: 'member.add', entityType: 'member', entityId: input.ownerUserId,
    after: { userId: input.ownerUserId, role: 'owner' },
  });
  return w;
}

/**
 * Locks the workspace's owner memberships until the transaction ends and returns how many
 * there are: two owners demoting each other at once cannot both pass the last-owner check.
 */
export async function lockOwners(tx: Queryable, workspaceId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    // One locking order for every caller: no deadlock between two role changes.
    .orderBy(asc(memberships.userId))
    .for('update');
  return rows.length;
}

/** The workspace row; the caller has resolved it through membership. */
export async function getWorkspace(db: Queryable, id: string): Promise<WorkspaceRow> {
  const [w] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!w) throw notFound('Workspace');
  return w;
}

/** Renames the workspace or changes its address or currency. A slug another workspace has is a 409. */
export async function updateWorkspace(
  tx: Queryable,
  audit: AuditContext,
  id: string,
  patch: { name?: string; slug?: string; currency?: string },
): Promise<WorkspaceRow> {
  const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, id)).for('update');
  if (!before) throw notFound('Workspace');
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([k, v]) => v !== undefined && v !== before[k as keyof typeof patch]),
  ) as typeof patch;
  if (Object.keys(changes).length === 0) return before;
  if (changes.slug) {
    const [taken] = await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(and(eq(workspaces.slug, changes.slug), ne(workspaces.id, id)))
      .limit(1);
    if (taken) throw conflict(`The address "${changes.slug}" is taken.`);
  }
  const [after] = await tx.update(workspaces).set({ ...changes, updatedAt: sql`now()` }).where(eq(workspaces.id, id)).returning();
  await recordAudit(tx, audit, { workspaceId: id, action: 'workspace.update', entityType: 'workspace', entityId: id, before, after });
  return after!;
}

/** Archives (read-only from then on) or restores the workspace; asking for the state it is in is a 409. */
export async function setWorkspaceArchived(tx: Queryable, audit: AuditContext, id: string, archived: boolean): Promise<WorkspaceRow> {
  const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, id)).for('update');
  if (!before) throw notFound('Workspace');
  if (archived && before.archivedAt) throw conflict('This workspace is already archived.');
  if (!archived && !before.archivedAt) throw conflict('This workspace is not archived.');
  const [after] = await tx
    .update(workspaces)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(workspaces.id, id))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId: id, action: archived ? 'workspace.archive' : 'workspace.restore', entityType: 'workspace', entityId: id, before, after,
  });
  return after!;
}
