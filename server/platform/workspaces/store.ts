import { and, asc, eq, sql } from 'drizzle-orm';
import type { TRole } from '../../../domain/platform/roles';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import type { Queryable } from '../db/client';
import { conflict } from '../http/errors';
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

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s.length >= 2 ? s : `workspace${s ? '-' + s : ''}`;
}

async function freeSlug(tx: Queryable, base: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, candidate)).limit(1);
    if (!taken) return candidate;
  }
}

/** Creates a workspace with `ownerUserId` as its owner. A slug asked for and taken is a 409. */
export async function createWorkspace(
  tx: Queryable,
  audit: AuditContext,
  input: { name: string; slug?: string; currency?: string; ownerUserId: string },
) {
  let slug: string;
  if (input.slug) {
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, input.slug)).limit(1);
    if (taken) throw conflict(`The address "${input.slug}" is taken.`);
    slug = input.slug;
  } else {
    slug = await freeSlug(tx, slugify(input.name));
  }
  const [w] = await tx.insert(workspaces).values({ name: input.name, slug, currency: input.currency ?? 'EUR' }).returning();
  await tx.insert(memberships).values({ workspaceId: w!.id, userId: input.ownerUserId, role: 'owner' });
  await recordAudit(tx, audit, { workspaceId: w!.id, action: 'workspace.create', entityType: 'workspace', entityId: w!.id, after: w });
  await recordAudit(tx, audit, {
    workspaceId: w!.id, action: 'member.add', entityType: 'member', entityId: input.ownerUserId,
    after: { userId: input.ownerUserId, role: 'owner' },
  });
  return w!;
}

/** Number of owners; the last one can be neither demoted nor removed. */
export async function ownerCount(tx: Queryable, workspaceId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return r?.n ?? 0;
}

