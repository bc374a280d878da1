import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { invalidFields } from '../http/errors';
import { memberships } from '../tables';

/**
 * People named on an item (owner, head, liaison…) must be members of its workspace. Takes
 * `{ fieldPath: userId }`; each named person who is not a member is a 400 on that field, and
 * nothing about other workspaces is revealed.
 */
export async function assertMembers(db: Queryable, workspaceId: string, people: Record<string, string | null | undefined>): Promise<void> {
  const ids = [...new Set(Object.values(people).filter((v): v is string => typeof v === 'string'))];
  if (ids.length === 0) return;
  const found = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
  const members = new Set(found.map((m) => m.userId));
  const errors = Object.entries(people)
    .filter(([, id]) => typeof id === 'string' && !members.has(id))
    .map(([path]) => ({ path, message: 'is not a member of this workspace' }));
  if (errors.length) throw invalidFields(errors);
}
