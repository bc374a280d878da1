import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { themeProgress } from '../../../domain/strategy/progress';
import type { TCreateTheme, TPutVision, TTheme, TUpdateTheme, TVision } from '../../../domain/strategy/themes';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { conflict, notFound } from '../../platform/http/errors';
import { assertArchiveChange, assertEditable, changedFields } from '../../platform/lifecycle';
import { assertMembers } from '../../platform/members/references';
import { goalsByTheme } from '../goals.store';
import { themes, visions } from '../tables';

// ── Vision ──────────────────────────────────────────────────────────────────

type VisionRow = typeof visions.$inferSelect;

function presentVision(v: VisionRow | undefined): TVision {
  return v
    ? { statement: v.statement, mission: v.mission, horizon: v.horizon, updatedByUserId: v.updatedByUserId, updatedAt: v.updatedAt.toISOString() }
    : { statement: '', mission: '', horizon: '', updatedByUserId: null, updatedAt: null };
}

/** The workspace's vision; empty until first written. */
export async function getVision(db: Queryable, workspaceId: string): Promise<TVision> {
  const [v] = await db.select().from(visions).where(eq(visions.workspaceId, workspaceId)).limit(1);
  return presentVision(v);
}

/** Writes the whole vision (one row per workspace, made on the first write). */
export async function putVision(tx: Queryable, audit: AuditContext, workspaceId: string, input: TPutVision): Promise<TVision> {
  const [row] = await tx.select().from(visions).where(eq(visions.workspaceId, workspaceId)).limit(1).for('no key update');
  const before = presentVision(row);
  if (row && Object.keys(changedFields(row, input)).length === 0) return before;
  const [v] = await tx
    .insert(visions)
    .values({ workspaceId, ...input, updatedByUserId: audit.actorUserId })
    .onConflictDoUpdate({ target: visions.workspaceId, set: { ...input, updatedByUserId: audit.actorUserId, updatedAt: sql`now()` } })
    .returning();
  const after = presentVision(v);
  await recordAudit(tx, audit, { workspaceId, action: 'vision.update', entityType: 'vision', entityId: workspaceId, before: row ? before : undefined, after });
  return after;
}

// ── Themes ──────────────────────────────────────────────────────────────────

type ThemeRow = typeof themes.$inferSelect;
type ThemeFigures = Pick<TTheme, 'goalCount' | 'progress'>;

export function presentTheme(t: ThemeRow, f: ThemeFigures): TTheme {
  return {
    id: t.id, name: t.name, description: t.description, ownerUserId: t.ownerUserId, color: t.color, position: t.position,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), archivedAt: t.archivedAt?.toISOString() ?? null,
    goalCount: f.goalCount, progress: f.progress,
  };
}

/** Goal count and progress of each of the themes, from their live goals. */
async function themeFigures(db: Queryable, workspaceId: string, themeIds: string[]): Promise<Map<string, ThemeFigures>> {
  const byTheme = await goalsByTheme(db, workspaceId, themeIds);
  return new Map(themeIds.map((id) => {
    const list = byTheme.get(id) ?? [];
    return [id, { goalCount: list.length, progress: themeProgress(list) }];
  }));
}

const none: ThemeFigures = { goalCount: 0, progress: null };

/** Every theme of the workspace (a small set: no paging), by position then name. */
export async function listThemes(db: Queryable, workspaceId: string, includeArchived: boolean) {
  const rows = await db
    .select()
    .from(themes)
    .where(and(eq(themes.workspaceId, workspaceId), includeArchived ? undefined : isNull(themes.archivedAt)))
    .orderBy(asc(themes.position), asc(sql`lower(${themes.name})`), asc(themes.id));
  const f = await themeFigures(db, workspaceId, rows.map((t) => t.id));
  return { items: rows.map((t) => presentTheme(t, f.get(t.id) ?? none)), nextCursor: null };
}

async function loadTheme(db: Queryable, workspaceId: string, themeId: string, lock = false): Promise<ThemeRow> {
  const q = db.select().from(themes).where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, themeId))).limit(1);
  // FOR NO KEY UPDATE: goals can still be pointed at the theme (their foreign key's key-share lock) meanwhile.
  const [t] = lock ? await q.for('no key update') : await q;
  if (!t) throw notFound('Theme');
  return t;
}

async function present(db: Queryable, workspaceId: string, t: ThemeRow): Promise<TTheme> {
  return presentTheme(t, (await themeFigures(db, workspaceId, [t.id])).get(t.id) ?? none);
}

export async function getTheme(db: Queryable, workspaceId: string, themeId: string): Promise<TTheme> {
  return present(db, workspaceId, await loadTheme(db, workspaceId, themeId));
}

/** A clear 409 for a name another theme of the workspace has, in any case (the unique index has the last word). */
async function assertNameFree(tx: Queryable, workspaceId: string, name: string, exceptId?: string) {
  const [other] = await tx
    .select({ archivedAt: themes.archivedAt })
    .from(themes)
    .where(and(eq(themes.workspaceId, workspaceId), eq(sql`lower(${themes.name})`, name.toLowerCase()), exceptId ? ne(themes.id, exceptId) : undefined))
    .limit(1);
  if (other) throw conflict(`A theme named "${name}" already exists${other.archivedAt ? ' (archived: restore it instead)' : ''}.`);
}

export async function createTheme(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateTheme): Promise<TTheme> {
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  await assertNameFree(tx, workspaceId, input.name);
  const position = input.position ?? sql<number>`(select coalesce(max(position) + 1, 0) from themes where workspace_id = ${workspaceId})`;
  const [t] = await tx.insert(themes).values({ ...input, position, workspaceId }).returning();
  const out = presentTheme(t!, none);
  await recordAudit(tx, audit, { workspaceId, action: 'theme.create', entityType: 'theme', entityId: t!.id, after: out });
  return out;
}

/** Changes the given fields. An archived theme takes no changes until restored. */
export async function updateTheme(tx: Queryable, audit: AuditContext, workspaceId: string, themeId: string, input: TUpdateTheme): Promise<TTheme> {
  const row = await loadTheme(tx, workspaceId, themeId, true);
  assertEditable(row, 'theme');
  await assertMembers(tx, workspaceId, { 'body.ownerUserId': input.ownerUserId });
  if (input.name !== undefined && input.name.toLowerCase() !== row.name.toLowerCase()) await assertNameFree(tx, workspaceId, input.name, themeId);
  const before = await present(tx, workspaceId, row);
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  const [t] = await tx.update(themes).set({ ...changes, updatedAt: sql`now()` }).where(eq(themes.id, themeId)).returning();
  const out = presentTheme(t!, before);
  await recordAudit(tx, audit, { workspaceId, action: 'theme.update', entityType: 'theme', entityId: themeId, before, after: out });
  return out;
}

/** Archives or restores a theme; its goals keep it (shown as archived) either way. */
export async function setThemeArchived(tx: Queryable, audit: AuditContext, workspaceId: string, themeId: string, archive: boolean): Promise<TTheme> {
  const row = await loadTheme(tx, workspaceId, themeId, true);
  assertArchiveChange(row, archive, 'theme');
  const before = await present(tx, workspaceId, row);
  const [t] = await tx.update(themes).set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(themes.id, themeId)).returning();
  const out = presentTheme(t!, before);
  await recordAudit(tx, audit, { workspaceId, action: archive ? 'theme.archive' : 'theme.restore', entityType: 'theme', entityId: themeId, before, after: out });
  return out;
}
