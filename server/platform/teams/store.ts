import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TListQuery } from '../../../domain/common';
import type { TCreateTeam, TTeam, TUpdateTeam } from '../../../domain/platform/teams';
import { type AuditContext, recordAudit } from '../audit/record';
import type { Queryable } from '../db/client';
import { conflict, invalidField, notFound } from '../http/errors';
import { after, decodeCursor, page } from '../http/pagination';
import { assertArchiveChange, assertEditable, changedFields } from '../lifecycle';
import { assertMembers } from '../members/references';
import { businessUnits, teams } from '../tables';

type TeamRow = typeof teams.$inferSelect;

export function presentTeam(t: TeamRow): TTeam {
  return {
    id: t.id, name: t.name, description: t.description, leadUserId: t.leadUserId, businessUnitId: t.businessUnitId,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), archivedAt: t.archivedAt?.toISOString() ?? null,
  };
}

const sortName = sql<string>`lower(${teams.name})`;
const TeamCursor = z.tuple([z.string(), z.uuid()]);

/** The workspace's teams by name; archived ones only when asked for. */
export async function listTeams(db: Queryable, workspaceId: string, q: TListQuery & { includeArchived: boolean }) {
  const cursor = decodeCursor(q.cursor, TeamCursor);
  const rows = await db
    .select({ t: teams, sortName })
    .from(teams)
    .where(and(
      eq(teams.workspaceId, workspaceId),
      q.includeArchived ? undefined : isNull(teams.archivedAt),
      cursor ? after([sortName, teams.id], [sql`${cursor[0]}`, sql`${cursor[1]}::uuid`], 'asc') : undefined,
    ))
    .orderBy(asc(sortName), asc(teams.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => presentTeam(r.t), (r) => [r.sortName, r.t.id]);
}

/** A team of this workspace; another workspace's id is a 404 like an unknown one. */
export async function getTeam(db: Queryable, workspaceId: string, id: string, opts: { lock?: boolean } = {}): Promise<TeamRow> {
  const query = db.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  // FOR NO KEY UPDATE: initiatives can still be pointed at the team (their foreign key's key-share lock) meanwhile.
  const [t] = opts.lock ? await query.for('no key update') : await query;
  if (!t) throw notFound('Team');
  return t;
}

/**
 * A team newly named on an item (an initiative's) must be a live team of its workspace: else a
 * 400 on `path`. Call it for a new choice only: an item keeps a team archived since. The team is
 * held FOR SHARE until commit, so it cannot be archived meanwhile.
 */
export async function assertTeam(db: Queryable, workspaceId: string, teamId: string | null | undefined, path: string): Promise<void> {
  if (!teamId) return;
  const [t] = await db.select({ archivedAt: teams.archivedAt }).from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId))).limit(1).for('share');
  if (!t) throw invalidField(path, 'is not a team of this workspace');
  if (t.archivedAt) throw invalidField(path, 'is an archived team; choose a live team or restore it first');
}

async function assertUnit(db: Queryable, workspaceId: string, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const [u] = await db
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.workspaceId, workspaceId), eq(businessUnits.id, unitId)))
    .limit(1);
  if (!u) throw invalidField('body.businessUnitId', 'is not a business unit of this workspace');
}

/** A clear 409 for a name another team of the workspace has (the unique index has the last word). */
async function assertNameFree(tx: Queryable, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ archivedAt: teams.archivedAt })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(sql`lower(${teams.name})`, name.toLowerCase()), exceptId ? ne(teams.id, exceptId) : undefined))
    .limit(1);
  if (other) throw conflict(`A team named "${name}" already exists${other.archivedAt ? ' (archived: restore it instead)' : ''}.`);
}

export async function createTeam(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateTeam): Promise<TTeam> {
  await assertMembers(tx, workspaceId, { 'body.leadUserId': input.leadUserId });
  await assertUnit(tx, workspaceId, input.businessUnitId);
  await assertNameFree(tx, workspaceId, input.name);
  const [t] = await tx.insert(teams).values({ ...input, workspaceId }).returning();
  const out = presentTeam(t!);
  await recordAudit(tx, audit, { workspaceId, action: 'team.create', entityType: 'team', entityId: t!.id, after: out });
  return out;
}

/** Changes the given fields. An archived team takes no changes until restored. */
export async function updateTeam(tx: Queryable, audit: AuditContext, workspaceId: string, id: string, patch: TUpdateTeam): Promise<TTeam> {
  const before = await getTeam(tx, workspaceId, id, { lock: true });
  assertEditable(before, 'team');
  await assertMembers(tx, workspaceId, { 'body.leadUserId': patch.leadUserId });
  await assertUnit(tx, workspaceId, patch.businessUnitId);
  if (patch.name !== undefined && patch.name !== before.name) await assertNameFree(tx, workspaceId, patch.name, id);
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return presentTeam(before);
  const [t] = await tx.update(teams).set({ ...changes, updatedAt: sql`now()` }).where(eq(teams.id, id)).returning();
  const out = presentTeam(t!);
  await recordAudit(tx, audit, { workspaceId, action: 'team.update', entityType: 'team', entityId: id, before: presentTeam(before), after: out });
  return out;
}

/** Archives or restores a team; asking for the state it is in is a 409. Initiatives keep their team. */
export async function setTeamArchived(tx: Queryable, audit: AuditContext, workspaceId: string, id: string, archived: boolean): Promise<TTeam> {
  const before = await getTeam(tx, workspaceId, id, { lock: true });
  assertArchiveChange(before, archived, 'team');
  const [t] = await tx.update(teams).set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(teams.id, id)).returning();
  const out = presentTeam(t!);
  await recordAudit(tx, audit, {
    workspaceId, action: archived ? 'team.archive' : 'team.restore', entityType: 'team', entityId: id, before: presentTeam(before), after: out,
  });
  return out;
}
