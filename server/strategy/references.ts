import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client';
import { invalidField } from '../platform/http/errors';
import { businessUnits } from '../platform/tables';

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
