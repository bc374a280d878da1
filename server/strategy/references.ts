import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client';
import { invalidField } from '../platform/http/errors';
import { businessUnits, memberships } from '../platform/tables';

/** A person named on an item must belong to its workspace; otherwise a 400 on that field. */
export async function assertMember(db: Queryable, workspaceId: string, userId: string | null | undefined, path: string) {
  if (!userId) return;
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!m) throw invalidField(path, 'is not a member of this workspace');
}

/** A business unit named on an item must be one of its workspace's. */
export async function assertBusinessUnit(db: Queryable, workspaceId: string, unitId: string | null | undefined, path: string) {
  if (!unitId) return;
  const [u] = await db
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.workspaceId, workspaceId), eq(businessUnits.id, unitId)))
    .limit(1);
  if (!u) throw invalidField(path, 'is not a business unit of this workspace');
}
