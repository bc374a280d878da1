import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { computeAlignment } from '../../../domain/strategy/alignment';
import { buildAlignmentGraph, type TAlignmentGraph, type TAlignmentGraphQuery } from '../../../domain/strategy/graph';
import { goalProgress } from '../../../domain/strategy/progress';
import type { Queryable } from '../../platform/db/client';
import { invalidField } from '../../platform/http/errors';
import { assertBusinessUnit } from '../references';
import { goalLinks, goals, initiatives, keyResults, themes } from '../tables';

/**
 * The alignment graph of a workspace. The live goals and initiatives and the links are read
 * whole (narrow columns) because the orphan and unsupported flags are defined over all of them,
 * whatever the filters show; archived goals and initiatives are left out in SQL (archived goals
 * give only their place in the tree, for the theme rule). The graph itself is picked and capped
 * in domain/strategy/graph.ts.
 */
export async function alignmentGraph(db: Queryable, workspaceId: string, q: TAlignmentGraphQuery): Promise<TAlignmentGraph> {
  await assertBusinessUnit(db, workspaceId, q.businessUnitId, 'query.businessUnitId');
  const [themeRows, goalRows, archivedGoals, iniRows, linkRows] = await Promise.all([
    db
      .select({ id: themes.id, name: themes.name, color: themes.color, position: themes.position })
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), isNull(themes.archivedAt))),
    db
      .select({
        id: goals.id, title: goals.title, status: goals.status, weight: goals.weight, businessUnitId: goals.businessUnitId,
        themeId: goals.themeId, parentGoalId: goals.parentGoalId,
      })
      .from(goals)
      .where(and(eq(goals.workspaceId, workspaceId), isNull(goals.archivedAt))),
    db
      .select({ id: goals.id, parentGoalId: goals.parentGoalId, themeId: goals.themeId })
      .from(goals)
      .where(and(eq(goals.workspaceId, workspaceId), isNotNull(goals.archivedAt))),
    db
      .select({
        id: initiatives.id, title: initiatives.title, status: initiatives.status, businessUnitId: initiatives.businessUnitId,
        capex: initiatives.capex, opex: initiatives.opex, effortDays: initiatives.effortDays,
      })
      .from(initiatives)
      .where(and(eq(initiatives.workspaceId, workspaceId), isNull(initiatives.archivedAt))),
    // Every link: those to archived ends are dropped in the domain (they meet no live goal or
    // initiative there). Joining to leave them out here measured slower than reading the few extra.
    db
      .select({ goalId: goalLinks.goalId, initiativeId: goalLinks.initiativeId, strength: goalLinks.strength })
      .from(goalLinks)
      .where(eq(goalLinks.workspaceId, workspaceId)),
  ]);

  if (q.themeId && !themeRows.some((t) => t.id === q.themeId)) throw invalidField('query.themeId', 'is not a live theme of this workspace');
  if (q.goalId && !goalRows.some((g) => g.id === q.goalId)) throw invalidField('query.goalId', 'is not a live goal of this workspace');

  const goalInputs = goalRows.map((g) => ({ ...g, archived: false }));
  // numeric columns arrive as numbers at run time (server/platform/db/client.ts); Number() for the types.
  const iniInputs = iniRows.map((i) => ({
    id: i.id, title: i.title, status: i.status, businessUnitId: i.businessUnitId, capex: Number(i.capex), opex: Number(i.opex),
    effortDays: Number(i.effortDays), archived: false,
  }));
  const alignment = computeAlignment(goalInputs, iniInputs, linkRows);
  const graph = buildAlignmentGraph(
    { themes: themeRows, goals: goalInputs, initiatives: iniInputs, links: linkRows, archivedGoals, alignment },
    { themeId: q.themeId, businessUnitId: q.businessUnitId, goalId: q.goalId, includeInactive: q.includeInactive, maxNodes: q.maxNodes },
  );

  // Progress of the goals shown (at most maxNodes of them), from their live key results.
  const goalIds = graph.nodes.filter((n) => n.kind === 'goal').map((n) => n.id);
  if (goalIds.length > 0) {
    const krs = await db
      .select({
        goalId: keyResults.goalId, baseline: keyResults.baseline, target: keyResults.target, current: keyResults.current,
        direction: keyResults.direction, weight: keyResults.weight,
      })
      .from(keyResults)
      .where(and(eq(keyResults.workspaceId, workspaceId), inArray(keyResults.goalId, goalIds), isNull(keyResults.archivedAt)));
    const byGoal = new Map<string, { baseline: number; target: number; current: number; direction: 'increase' | 'decrease' | null; weight: number }[]>();
    for (const kr of krs) {
      const list = byGoal.get(kr.goalId) ?? [];
      list.push({ baseline: Number(kr.baseline), target: Number(kr.target), current: Number(kr.current), direction: kr.direction, weight: kr.weight });
      byGoal.set(kr.goalId, list);
    }
    for (const n of graph.nodes) if (n.kind === 'goal') n.progress = goalProgress(byGoal.get(n.id) ?? []);
  }
  return graph;
}
