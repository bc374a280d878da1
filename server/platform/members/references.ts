import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { invalidField, invalidFields } from '../http/errors';
import { memberships } from '../tables';

/** Those of `ids` who are members of the workspace. */
async function membersAmong(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const found = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, unique)));
  return new Set(found.map((m) => m.userId));
}

/**
 * People named on an item (owner, head, liaison…) must be members of its workspace. Takes
 * `{ fieldPath: userId }`; each named person who is not a member is a 400 on that field, and
 * nothing about other workspaces is revealed.
 */
export async function assertMembers(db: Queryable, workspaceId: string, people: Record<string, string | null | undefined>): Promise<void> {
  const members = await membersAmong(db, workspaceId, Object.values(people).filter((v): v is string => typeof v === 'string'));
  const errors = Object.entries(people)
    .filter(([, id]) => typeof id === 'string' && !members.has(id))
    .map(([path]) => ({ path, message: 'is not a member of this workspace' }));
  if (errors.length) throw invalidFields(errors);
}

/**
 * A list of people in one field (e.g. the people a comment mentions) must all be members of
 * the workspace. Any who is not makes one 400 at `path` (with `message`) that names no one,
 * so nothing about other workspaces' people is revealed.
 */
export async function assertMembersAt(
  db: Queryable, workspaceId: string, path: string, ids: readonly string[],
  message = 'includes someone who is not a member of this workspace',
): Promise<void> {
  const members = await membersAmong(db, workspaceId, ids);
  if (ids.some((id) => !members.has(id))) throw invalidField(path, message);
}
