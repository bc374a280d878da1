import { and, asc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import {
  laneField, laneOf, noneLaneName, type RoadmapWindow, type TLaneBy, type TRoadmap, type TRoadmapBar, type TRoadmapFilters, type TRoadmapLane,
  type ThemeLink, windowProblem,
} from '../../../domain/strategy/roadmap';
import { effectiveThemes } from '../../../domain/strategy/themes';
import type { Queryable } from '../../platform/db/client';
import { invalidField } from '../../platform/http/errors';
import { containsPattern } from '../../platform/http/pagination';
import { businessUnits, teams } from '../../platform/tables';
import { customFields, goalLinks, goals, initiativeDependencies, initiatives, milestones, themes } from '../tables';

/** What a roadmap is asked for: the window, the lanes, the filters and the most bars to give. */
export interface RoadmapRequest {
  window: RoadmapWindow;
  lane: TLaneBy;
  filters: TRoadmapFilters;
  limit: number;
  /**
   * 'all' (the default): every live lane of the kind, for people of the workspace. 'used': only
   * the lanes a bar falls in and the one a filter names, for a public share link, which must not
   * show the names of the workspace's other themes, units or teams.
   */
  lanes?: 'all' | 'used';
}

/** How many undated initiatives are named (the rest are counted). */
const UNDATED_SHOWN = 5;

/**
 * The active live goals of the workspace with their effective theme (domain/strategy/themes.ts:
 * their own live theme, else their nearest ancestor's). All goals are read, archived ones too,
 * for their place in the tree; a goal tree is small (2,000 goals on the large benchmark).
 */
async function activeGoalThemes(db: Queryable, workspaceId: string): Promise<Map<string, string | null>> {
  const [tree, liveThemes] = await Promise.all([
    db
      .select({ id: goals.id, parentGoalId: goals.parentGoalId, themeId: goals.themeId, status: goals.status, archivedAt: goals.archivedAt })
      .from(goals)
      .where(eq(goals.workspaceId, workspaceId)),
    db.select({ id: themes.id }).from(themes).where(and(eq(themes.workspaceId, workspaceId), isNull(themes.archivedAt))),
  ]);
  const live = new Set(liveThemes.map((t) => t.id));
  const themeOf = effectiveThemes(tree, (t) => live.has(t));
  return new Map(tree.filter((g) => g.status === 'active' && !g.archivedAt).map((g) => [g.id, themeOf(g.id)]));
}

/**
 * The initiatives a roadmap's filters admit (dated or not): live, of the workspace, and of the
 * statuses, unit, team and title asked for; with a theme, those linked to one of `themeGoalIds`
 * (the active goals whose effective theme it is).
 */
function filtered(workspaceId: string, f: TRoadmapFilters, themeGoalIds: string[] | null): SQL {
  return and(
    eq(initiatives.workspaceId, workspaceId),
    isNull(initiatives.archivedAt),
    f.status?.length ? inArray(initiatives.status, f.status) : undefined,
    f.businessUnitId ? eq(initiatives.businessUnitId, f.businessUnitId) : undefined,
    f.teamId ? eq(initiatives.teamId, f.teamId) : undefined,
    f.q ? ilike(initiatives.title, containsPattern(f.q)) : undefined,
    // Written out: the outer initiatives row must be named, not an unqualified "id".
    themeGoalIds
      ? sql`exists (select 1 from goal_links gl where gl.initiative_id = "initiatives"."id" and gl.goal_id = any(${sql.param(themeGoalIds)}::uuid[]))`
      : undefined,
  )!;
}

/** A lane kind's defined lanes (archived ones included, to name lanes items still point at). */
async function definedLanes(db: Queryable, workspaceId: string, by: TLaneBy, path: string): Promise<TRoadmapLane[]> {
  if (by === 'theme') {
    const rows = await db
      .select({ id: themes.id, name: themes.name, color: themes.color })
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), isNull(themes.archivedAt)))
      .orderBy(asc(themes.position), asc(themes.name));
    return rows.map((t) => ({ ...t, archived: false }));
  }
  if (by === 'businessUnit' || by === 'team') {
    const table = by === 'team' ? teams : businessUnits;
    const rows = await db
      .select({ id: table.id, name: table.name, archivedAt: table.archivedAt })
      .from(table)
      .where(eq(table.workspaceId, workspaceId))
      .orderBy(asc(table.name), asc(table.id));
    return rows.map((r) => ({ id: r.id, name: r.name, color: null, archived: r.archivedAt !== null }));
  }
  const fieldId = laneField(by)!;
  const [field] = await db
    .select({ options: customFields.options })
    .from(customFields)
    .where(and(
      eq(customFields.workspaceId, workspaceId), eq(customFields.id, fieldId), eq(customFields.entityType, 'initiative'),
      eq(customFields.type, 'single_choice'), isNull(customFields.archivedAt),
    ))
    .limit(1);
  if (!field) throw invalidField(path, 'is not a single-choice initiative field of this workspace');
  return field.options.map((o) => ({ id: o, name: o, color: null, archived: false }));
}

/** The single-choice initiative fields that can serve as lanes. */
function laneFields(db: Queryable, workspaceId: string) {
  return db
    .select({ id: customFields.id, label: customFields.label })
    .from(customFields)
    .where(and(
      eq(customFields.workspaceId, workspaceId), eq(customFields.entityType, 'initiative'), eq(customFields.type, 'single_choice'),
      isNull(customFields.archivedAt),
    ))
    .orderBy(asc(customFields.position), asc(customFields.label));
}

/** Checks a lane kind names something of this workspace (a field lane: a live single-choice field). */
export async function assertLane(db: Queryable, workspaceId: string, by: TLaneBy, path: string): Promise<void> {
  if (laneField(by)) await definedLanes(db, workspaceId, by, path);
}

/** A window the API serves, or a 400 on `to`. */
export function assertWindow(w: RoadmapWindow, path = 'query.to'): void {
  const problem = windowProblem(w);
  if (problem) throw invalidField(path, problem);
}

/**
 * The roadmap: lanes, the dated initiatives overlapping the window (the first `limit` by start
 * date), their milestones inside the window, the dependencies among them and the undated
 * initiatives the filters admit. Two rounds of queries, each run side by side.
 */
export async function loadRoadmap(db: Queryable, workspaceId: string, req: RoadmapRequest, lanePath = 'query.lane'): Promise<TRoadmap> {
  const { window: w, lane, filters, limit } = req;
  const field = laneField(lane);
  // Goals' effective themes: for theme lanes, and first of all for a theme filter.
  const goalThemesQuery = lane === 'theme' || filters.themeId ? activeGoalThemes(db, workspaceId) : null;
  const themeGoalIds = filters.themeId
    ? [...(await goalThemesQuery!)].filter(([, theme]) => theme === filters.themeId).map(([goalId]) => goalId)
    : null;
  const where = filtered(workspaceId, filters, themeGoalIds);
  const inWindow = and(where, isNotNull(initiatives.startDate), isNotNull(initiatives.endDate), lt(initiatives.startDate, w.to), gte(initiatives.endDate, w.from));

  const barsQuery = db
    .select({
      id: initiatives.id, title: initiatives.title, status: initiatives.status, kind: initiatives.kind, riskLevel: initiatives.riskLevel,
      startDate: initiatives.startDate, endDate: initiatives.endDate, businessUnitId: initiatives.businessUnitId, teamId: initiatives.teamId,
      fieldValue: field ? sql<unknown>`${initiatives.customFields} -> ${field}` : sql<unknown>`null`,
    })
    .from(initiatives)
    .where(inWindow)
    // In the order of initiatives_dates_idx: the scan stops after `limit` rows (the count is its own query).
    .orderBy(asc(initiatives.startDate), asc(initiatives.endDate), asc(initiatives.id))
    .limit(limit);
  const countQuery = db.select({ n: sql<number>`count(*)::int` }).from(initiatives).where(inWindow);
  const undatedQuery = db
    .select({ id: initiatives.id, title: initiatives.title, status: initiatives.status, total: sql<number>`count(*) over ()` })
    .from(initiatives)
    .where(and(where, or(isNull(initiatives.startDate), isNull(initiatives.endDate))))
    .orderBy(asc(initiatives.title), asc(initiatives.id))
    .limit(UNDATED_SHOWN);

  const [defined, fields, rows, [count], undated, goalThemes] = await Promise.all([
    definedLanes(db, workspaceId, lane, lanePath), laneFields(db, workspaceId), barsQuery, countQuery, undatedQuery, goalThemesQuery,
  ]);
  const ids = rows.map((r) => r.id);

  const idList = sql.param(ids);
  const [themeLinks, ms, deps] = ids.length === 0
    ? [[], [], []]
    : await Promise.all([
        lane === 'theme'
          ? db
              .select({ initiativeId: goalLinks.initiativeId, goalId: goalLinks.goalId, strength: goalLinks.strength, goalWeight: goals.weight })
              .from(goalLinks)
              .innerJoin(goals, eq(goals.id, goalLinks.goalId))
              .where(and(
                eq(goalLinks.workspaceId, workspaceId), sql`${goalLinks.initiativeId} = any(${idList}::uuid[])`,
                eq(goals.status, 'active'), isNull(goals.archivedAt),
              ))
          : Promise.resolve([]),
        db
          .select({ id: milestones.id, initiativeId: milestones.initiativeId, title: milestones.title, dueDate: milestones.dueDate, doneOn: milestones.doneOn })
          .from(milestones)
          .where(and(
            eq(milestones.workspaceId, workspaceId), sql`${milestones.initiativeId} = any(${idList}::uuid[])`,
            gte(milestones.dueDate, w.from), lt(milestones.dueDate, w.to),
          ))
          .orderBy(asc(milestones.dueDate), asc(milestones.id)),
        db
          .select({ id: initiativeDependencies.id, initiativeId: initiativeDependencies.initiativeId, dependsOnId: initiativeDependencies.dependsOnId })
          .from(initiativeDependencies)
          .where(and(
            eq(initiativeDependencies.workspaceId, workspaceId),
            sql`${initiativeDependencies.initiativeId} = any(${idList}::uuid[])`,
            sql`${initiativeDependencies.dependsOnId} = any(${idList}::uuid[])`,
          )),
      ]);

  // Each link to an active goal with an effective theme, named as its (live) theme lane is.
  const themeName = new Map(defined.map((l) => [l.id, l.name]));
  const linksOf = new Map<string, ThemeLink[]>();
  for (const l of themeLinks) {
    const themeId = goalThemes?.get(l.goalId) ?? null;
    if (themeId === null) continue;
    const themeLink: ThemeLink = { strength: l.strength, goalWeight: l.goalWeight, themeId, themeName: themeName.get(themeId) ?? '' };
    const list = linksOf.get(l.initiativeId);
    if (list) list.push(themeLink);
    else linksOf.set(l.initiativeId, [themeLink]);
  }
  const bars: TRoadmapBar[] = rows.map((r) => ({
    id: r.id, title: r.title, status: r.status, kind: r.kind, riskLevel: r.riskLevel, startDate: r.startDate!, endDate: r.endDate!,
    businessUnitId: r.businessUnitId, teamId: r.teamId,
    laneId: laneOf(lane, { businessUnitId: r.businessUnitId, teamId: r.teamId, customFields: field ? { [field]: r.fieldValue } : null, themeLinks: linksOf.get(r.id) }),
  }));

  return {
    window: w, lane, lanes: lanesFor(lane, defined, bars, req.lanes === 'used' ? namedLane(lane, filters) : undefined),
    laneFields: fields, initiatives: bars, total: count?.n ?? 0,
    milestones: ms, dependencies: deps,
    undated: { count: undated[0]?.total ?? 0, items: undated.map((u) => ({ id: u.id, title: u.title, status: u.status })) },
  };
}

/** The lane a filter names for this lane kind (the theme, unit or team filtered on), if any. */
function namedLane(by: TLaneBy, f: TRoadmapFilters): string | null {
  if (by === 'theme') return f.themeId ?? null;
  if (by === 'businessUnit') return f.businessUnitId ?? null;
  if (by === 'team') return f.teamId ?? null;
  return null;
}

/**
 * The lanes shown: the live ones of the kind in their order, archived ones (and values no
 * longer among a field's options) that bars still fall in, and last the "none" lane if used.
 * With `onlyUsed` given (a public link: the lane its filter names, or null), the live lanes no
 * bar falls in are left out too, so that a link shows no more of the workspace than its bars.
 */
function lanesFor(by: TLaneBy, defined: TRoadmapLane[], bars: TRoadmapBar[], onlyUsed?: string | null): TRoadmapLane[] {
  const used = new Set(bars.map((b) => b.laneId));
  const known = new Set(defined.map((l) => l.id));
  const shown = (l: TRoadmapLane) => used.has(l.id) || (onlyUsed === undefined ? !l.archived : l.id === onlyUsed && !l.archived);
  const out = defined.filter(shown);
  for (const id of used) {
    if (id !== null && !known.has(id)) out.push({ id, name: id, color: null, archived: true });
  }
  if (used.has(null)) out.push({ id: null, name: noneLaneName(by), color: null, archived: false });
  return out;
}
