import { and, eq, inArray, isNull } from 'drizzle-orm';
import { computeAlignment } from '../../../domain/strategy/alignment';
import { buildAlignmentGraph, type TAlignmentGraph, type TAlignmentGraphQuery } from '../../../domain/strategy/graph';
import { goalProgress } from '../../../domain/strategy/progress';
import type { Queryable } from '../../platform/db/client';
import { invalidField } from '../../platform/http/errors';
import { assertBusinessUnit } from '../references';
import { goalLinks, goals, initiatives, keyResults, themes } from '../tables';

/**
 * The alignment graph of a workspace. The whole workspace is read (narrow columns) because
 * the orphan and unsupported flags are defined over all of it, whatever the filters show; the
 * graph itself is picked and capped in domain/strategy/graph.ts.
 */
export async function oldAlignmentGraph(db: Queryable, workspaceId: string, q: TAlignmentGraphQuery): Promise<TAlignmentGraph> {
  await assertBusinessUnit(db, workspaceId, q.businessUnitId, 'query.businessUnitId');
  const [themeRows, goalRows, iniRows, linkRows] = await Promise.all([
    db
      .select({ id: themes.id, name: themes.name, color: themes.color, position: themes.position })
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), isNull(themes.archivedAt))),
    db
      .select({
        id: goals.id, title: goals.title, status: goals.status, weight: goals.weight, businessUnitId: goals.businessUnitId,
        themeId: goals.themeId, parentGoalId: goals.parentGoalId, archivedAt: goals.archivedAt,
      })
      .from(goals)
      .where(eq(goals.workspaceId, workspaceId)),
    db
      .select({
        id: initiatives.id, title: initiatives.title, status: initiatives.status, businessUnitId: initiatives.businessUnitId,
        capex: initiatives.capex, opex: initiatives.opex, effortDays: initiatives.effortDays, archivedAt: initiatives.archivedAt,
      })
      .from(initiatives)
      .where(eq(initiatives.workspaceId, workspaceId)),
    db
      .select({ goalId: goalLinks.goalId, initiativeId: goalLinks.initiativeId, strength: goalLinks.strength })
      .from(goalLinks)
      .where(eq(goalLinks.workspaceId, workspaceId)),
  ]);

  if (q.themeId && !themeRows.some((t) => t.id === q.themeId)) throw invalidField('query.themeId', 'is not a live theme of this workspace');
  if (q.goalId && !goalRows.some((g) => g.id === q.goalId && !g.archivedAt)) throw invalidField('query.goalId', 'is not a live goal of this workspace');

  const goalInputs = goalRows.map((g) => ({
    id: g.id, title: g.title, status: g.status, weight: g.weight, businessUnitId: g.businessUnitId, themeId: g.themeId,
    parentGoalId: g.parentGoalId, archived: g.archivedAt !== null,
  }));
  // numeric columns arrive as numbers at run time (server/platform/db/client.ts); Number() for the types.
  const iniInputs = iniRows.map((i) => ({
    id: i.id, title: i.title, status: i.status, businessUnitId: i.businessUnitId, capex: Number(i.capex), opex: Number(i.opex),
    effortDays: Number(i.effortDays), archived: i.archivedAt !== null,
  }));
  const alignment = computeAlignment(goalInputs, iniInputs, linkRows);
  const graph = buildAlignmentGraph(
    { themes: themeRows, goals: goalInputs, initiatives: iniInputs, links: linkRows, alignment },
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
