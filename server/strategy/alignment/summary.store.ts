import type pg from 'pg';
import {
  ACTIVE_GOAL_STATUSES, type AlignmentGoal, type AlignmentInitiative, type AlignmentLink, type AlignmentScope, computeAlignment,
  PORTFOLIO_STATUSES, rankByStrategicValue, sliceAlignment, type TAlignmentSummary,
} from '../../../domain/strategy/alignment';
import type { TGoal, TInitiative, TLinkStrength } from '../../../domain/strategy/schemas';
import { effectiveThemes } from '../../../domain/strategy/themes';

/** A filter as the API takes it: an id, `none` (without one), or absent (everything). */
type Filter = string | undefined;

const scopeValue = (f: Filter): string | null | undefined => (f === undefined ? undefined : f === 'none' ? null : f);

/*
 * Reading a large workspace (2,000 goals, 20,000 initiatives, 60,000 links) quickly:
 * - only what the figures need: active goals, portfolio initiatives (the status lists come from
 *   the domain, so the definitions stay in one place) and the links between them;
 * - plain SQL through the pool, prepared once per connection, with rows as arrays (no per-row
 *   objects, no ORM mapping);
 * - one connection in one read-only, repeatable-read transaction, so the figures come from one
 *   snapshot of the data.
 * Titles are read afterwards for the few items the lists show.
 */
const GOALS_SQL = `select id, status, weight, business_unit_id, theme_id from goals
  where workspace_id = $1 and archived_at is null and status = any($2::text[])`;
const INITIATIVES_SQL = `select id, status, capex, opex, effort_days, business_unit_id from initiatives
  where workspace_id = $1 and archived_at is null and status = any($2::text[])`;
// The links as one text of `<goal id><initiative id><strength>` items (a uuid's text is always 36
// characters): decoding 20,000 rows field by field in the driver cost a quarter of the request's
// CPU; splitting one string costs little, and the database's extra work is smaller.
const LINKS_SQL = `select string_agg(l.goal_id::text || l.initiative_id::text || l.strength, ',') from goal_links l
  join goals g on g.id = l.goal_id and g.archived_at is null and g.status = any($2::text[])
  join initiatives i on i.id = l.initiative_id and i.archived_at is null and i.status = any($3::text[])
  where l.workspace_id = $1`;
// Every goal's place in the tree, archived ones too: a goal without a theme takes its nearest ancestor's.
const TREE_SQL = `select id, parent_goal_id, theme_id from goals where workspace_id = $1 and (theme_id is not null or parent_goal_id is not null)`;
const UNITS_SQL = `select id, name, archived_at is not null from business_units where workspace_id = $1 order by lower(name), id`;
const THEMES_SQL = `select id, name, color, archived_at is not null from themes where workspace_id = $1 order by position, lower(name), id`;

type Row = unknown[];

/** Runs a statement with rows as arrays; a `name` prepares it once per connection. */
async function rows(client: pg.PoolClient, text: string, values: unknown[], name?: string): Promise<Row[]> {
  const res = await client.query({ name, text, values, rowMode: 'array' });
  return res.rows as Row[];
}

/** The alignment summary of a workspace, optionally of one business unit and/or theme. */
export async function alignmentSummary(
  pool: pg.Pool,
  workspaceId: string,
  q: { businessUnitId?: string; themeId?: string; limit: number },
): Promise<TAlignmentSummary> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin isolation level repeatable read read only');
    const portfolio = [...PORTFOLIO_STATUSES];
    const active = [...ACTIVE_GOAL_STATUSES];
    const goalRows = await rows(client, GOALS_SQL, [workspaceId, active], 'tandem_alignment_goals');
    const initRows = await rows(client, INITIATIVES_SQL, [workspaceId, portfolio], 'tandem_alignment_initiatives');
    const linkRows = await rows(client, LINKS_SQL, [workspaceId, active, portfolio], 'tandem_alignment_links');
    const unitRows = await rows(client, UNITS_SQL, [workspaceId], 'tandem_alignment_units');
    const themeRows = await rows(client, THEMES_SQL, [workspaceId], 'tandem_alignment_themes');
    const treeRows = await rows(client, TREE_SQL, [workspaceId], 'tandem_alignment_tree');
    const liveThemes = new Set(themeRows.filter((r) => !r[3]).map((r) => r[0] as string));
    const themeOf = effectiveThemes(
      treeRows.map((r) => ({ id: r[0] as string, parentGoalId: r[1] as string | null, themeId: r[2] as string | null })),
      (id) => liveThemes.has(id),
    );

    const goals: AlignmentGoal[] = goalRows.map((r) => ({
      id: r[0] as string, status: r[1] as TGoal['status'], archived: false, weight: r[2] as number,
      businessUnitId: r[3] as string | null, themeId: themeOf(r[0] as string),
    }));
    const initiatives: AlignmentInitiative[] = initRows.map((r) => ({
      id: r[0] as string, status: r[1] as TInitiative['status'], archived: false,
      capex: r[2] as number, opex: r[3] as number, effortDays: r[4] as number, businessUnitId: r[5] as string | null,
    }));
    const linkText = linkRows[0]?.[0] as string | null;
    const links: AlignmentLink[] = linkText
      ? linkText.split(',').map((x) => ({ goalId: x.slice(0, 36), initiativeId: x.slice(36, 72), strength: x.slice(72) as TLinkStrength }))
      : [];
    const units = new Map(unitRows.map((r) => [r[0] as string, { name: r[1] as string, archived: r[2] as boolean }]));
    const themes = new Map(themeRows.map((r) => [r[0] as string, { name: r[1] as string, color: r[2] as string, archived: r[3] as boolean }]));

    const figures = computeAlignment(goals, initiatives, links, {
      unitIds: [...units].filter(([, u]) => !u.archived).map(([id]) => id),
      themeIds: [...themes].filter(([, t]) => !t.archived).map(([id]) => id),
    });
    const scope: AlignmentScope = { businessUnitId: scopeValue(q.businessUnitId), themeId: scopeValue(q.themeId) };
    const headline = sliceAlignment(figures, scope);
    const ranked = rankByStrategicValue(figures, scope);

    const orphanIds = headline.orphanInitiativeIds.slice(0, q.limit);
    const unsupportedIds = headline.unsupportedGoalIds.slice(0, q.limit);
    const topIds = ranked.slice(0, q.limit).map((i) => i.id);
    const initTitles = await titlesOf(client, 'initiatives', [...new Set([...orphanIds, ...topIds])]);
    const goalTitles = await titlesOf(client, 'goals', unsupportedIds);
    await client.query('commit');

    const initStatus = new Map(initiatives.map((i) => [i.id, i.status]));
    const unitName = (id: string | null) => (id === null ? null : (units.get(id)?.name ?? null));
    const themeName = (id: string | null) => (id === null ? null : (themes.get(id)?.name ?? null));

    return {
      scope: { businessUnitId: q.businessUnitId ?? null, themeId: q.themeId ?? null },
      portfolioCount: headline.portfolioCount,
      alignedCount: headline.alignedCount,
      orphanCount: headline.orphanCount,
      portfolioSpend: headline.portfolioSpend,
      alignedSpend: headline.alignedSpend,
      alignedSpendPct: headline.alignedSpendPct,
      portfolioEffort: headline.portfolioEffort,
      alignedEffort: headline.alignedEffort,
      alignedEffortPct: headline.alignedEffortPct,
      activeGoalCount: headline.activeGoalCount,
      coveredGoalCount: headline.coveredGoalCount,
      unsupportedGoalCount: headline.unsupportedGoalCount,
      goalCoveragePct: headline.goalCoveragePct,
      totalActiveWeight: figures.totalActiveWeight,
      orphanInitiatives: {
        items: orphanIds.map((id) => {
          const i = figures.initiatives.get(id)!;
          return {
            id, title: initTitles.get(id) ?? '', status: initStatus.get(id)!, businessUnitId: i.businessUnitId,
            businessUnitName: unitName(i.businessUnitId), cost: i.cost, effortDays: i.effortDays,
          };
        }),
        total: headline.orphanInitiativeIds.length,
      },
      unsupportedGoals: {
        items: unsupportedIds.map((id) => {
          const g = figures.goals.get(id)!;
          return {
            id, title: goalTitles.get(id) ?? '', weight: g.weight, businessUnitId: g.businessUnitId, businessUnitName: unitName(g.businessUnitId),
            themeId: g.themeId, themeName: themeName(g.themeId),
          };
        }),
        total: headline.unsupportedGoalIds.length,
      },
      strategicValue: {
        items: ranked.slice(0, q.limit).map((i) => ({
          id: i.id, title: initTitles.get(i.id) ?? '', status: initStatus.get(i.id)!, businessUnitId: i.businessUnitId,
          businessUnitName: unitName(i.businessUnitId), value: i.strategicValue, activeGoalCount: i.activeGoalCount, cost: i.cost,
        })),
        total: ranked.length,
      },
      byBusinessUnit: figures.byBusinessUnit.map(({ businessUnitId, ...row }) => ({ businessUnitId, businessUnitName: unitName(businessUnitId), ...row })),
      byTheme: figures.byTheme.map(({ themeId, ...row }) => ({
        themeId, themeName: themeName(themeId), color: themeId === null ? null : (themes.get(themeId)?.color ?? null), ...row,
      })),
    };
  } catch (e) {
    // A connection that cannot even roll back is dropped rather than handed to the next request.
    await client.query('rollback').catch((err: Error) => (broken = err));
    throw e;
  } finally {
    client.release(broken);
  }
}

async function titlesOf(client: pg.PoolClient, table: 'goals' | 'initiatives', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await rows(client, `select id, title from ${table} where id = any($1::uuid[])`, [ids]);
  return new Map(r.map((x) => [x[0] as string, x[1] as string]));
}
