import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TGoalLink, TLinkStrength } from '../../domain/strategy/schemas';
import { type AuditContext, recordAudit } from '../platform/audit/record';
import type { Queryable } from '../platform/db/client';
import { conflict, invalidField, notFound } from '../platform/http/errors';
import { afterNewestCursor, exactTime, page } from '../platform/http/pagination';
import { changedFields } from '../platform/lifecycle';
import { preparedQuery } from '../platform/db/prepared';
import { goalLinks, goals, initiatives } from './tables';

const g = alias(goals, 'g');
const i = alias(initiatives, 'i');

function selectLinks<Extra extends Record<string, SQL>>(db: Queryable, extra?: Extra) {
  return db
    .select({ link: goalLinks, goalTitle: g.title, initiativeTitle: i.title, ...(extra as Extra) })
    .from(goalLinks)
    .innerJoin(g, eq(g.id, goalLinks.goalId))
    .innerJoin(i, eq(i.id, goalLinks.initiativeId));
}

function present(r: { link: typeof goalLinks.$inferSelect; goalTitle: string; initiativeTitle: string }): TGoalLink {
  return {
    id: r.link.id, goalId: r.link.goalId, goalTitle: r.goalTitle, initiativeId: r.link.initiativeId, initiativeTitle: r.initiativeTitle,
    strength: r.link.strength, rationale: r.link.rationale, createdAt: r.link.createdAt.toISOString(), updatedAt: r.link.updatedAt.toISOString(),
  };
}

/** A page of the workspace's links (optionally of one goal and/or initiative), newest first. */
export async function listLinkPage(
  db: Queryable, workspaceId: string, f: { goalId?: string; initiativeId?: string; limit: number; cursor?: string },
) {
  const rows = await selectLinks(db, { at: exactTime(goalLinks.createdAt) })
    .where(and(
      eq(goalLinks.workspaceId, workspaceId),
      f.goalId ? eq(goalLinks.goalId, f.goalId) : undefined,
      f.initiativeId ? eq(goalLinks.initiativeId, f.initiativeId) : undefined,
      afterNewestCursor(f.cursor, goalLinks.createdAt, goalLinks.id),
    ))
    .orderBy(desc(goalLinks.createdAt), desc(goalLinks.id))
    .limit(f.limit + 1);
  return page(rows, f.limit, present, (r) => [r.at, r.link.id]);
}

/** The links of one goal and/or initiative, by title: prepared per variant (g = goal, i = initiative). */
const linksOf = preparedQuery('tandem_links_of', (db, name, variant) =>
  selectLinks(db)
    .where(and(
      eq(goalLinks.workspaceId, sql.placeholder('workspaceId')),
      variant.includes('g') ? eq(goalLinks.goalId, sql.placeholder('goalId')) : undefined,
      variant.includes('i') ? eq(goalLinks.initiativeId, sql.placeholder('initiativeId')) : undefined,
    ))
    .orderBy(asc(g.title), asc(i.title))
    .limit(5000)
    .prepare(name));

/** All links of one goal or one initiative (shown on its page), by title. */
export async function listLinks(db: Queryable, workspaceId: string, f: { goalId?: string; initiativeId?: string }): Promise<TGoalLink[]> {
  const variant = `${f.goalId ? 'g' : ''}${f.initiativeId ? 'i' : ''}`;
  const rows = await linksOf(db, variant).execute({ workspaceId, goalId: f.goalId, initiativeId: f.initiativeId });
  return rows.map(present);
}

async function loadLink(db: Queryable, workspaceId: string, linkId: string): Promise<TGoalLink> {
  const [r] = await selectLinks(db).where(and(eq(goalLinks.workspaceId, workspaceId), eq(goalLinks.id, linkId))).limit(1);
  if (!r) throw notFound('Link');
  return present(r);
}

export async function createLink(
  tx: Queryable, audit: AuditContext, workspaceId: string,
  input: { goalId: string; initiativeId: string; strength: TLinkStrength; rationale: string },
): Promise<TGoalLink> {
  // Both ends must be of this workspace; other workspaces' ids are reported as unknown.
  const [goal] = await tx.select({ id: goals.id }).from(goals).where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, input.goalId)));
  if (!goal) throw invalidField('body.goalId', 'is not a goal of this workspace');
  const [ini] = await tx
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.workspaceId, workspaceId), eq(initiatives.id, input.initiativeId)));
  if (!ini) throw invalidField('body.initiativeId', 'is not an initiative of this workspace');
  const [created] = await tx.insert(goalLinks).values({ ...input, workspaceId }).onConflictDoNothing().returning({ id: goalLinks.id });
  if (!created) throw conflict('This goal and initiative are already linked.');
  const out = await loadLink(tx, workspaceId, created.id);
  await recordAudit(tx, audit, { workspaceId, action: 'goal_link.create', entityType: 'goal_link', entityId: out.id, after: out });
  return out;
}

export async function updateLink(
  tx: Queryable, audit: AuditContext, workspaceId: string, linkId: string, input: { strength?: TLinkStrength; rationale?: string },
): Promise<TGoalLink> {
  await tx.select({ id: goalLinks.id }).from(goalLinks).where(and(eq(goalLinks.workspaceId, workspaceId), eq(goalLinks.id, linkId))).for('no key update');
  const before = await loadLink(tx, workspaceId, linkId);
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  await tx.update(goalLinks).set({ ...changes, updatedAt: sql`now()` }).where(eq(goalLinks.id, linkId));
  const after = await loadLink(tx, workspaceId, linkId);
  await recordAudit(tx, audit, { workspaceId, action: 'goal_link.update', entityType: 'goal_link', entityId: linkId, before, after });
  return after;
}

/** Unlinking is permanent: a link holds no data beyond its strength, and the audit log keeps it. */
export async function deleteLink(tx: Queryable, audit: AuditContext, workspaceId: string, linkId: string): Promise<void> {
  const before = await loadLink(tx, workspaceId, linkId);
  await tx.delete(goalLinks).where(eq(goalLinks.id, linkId));
  await recordAudit(tx, audit, { workspaceId, action: 'goal_link.delete', entityType: 'goal_link', entityId: linkId, before });
}
