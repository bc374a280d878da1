import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PORTFOLIO_STATUSES, type TAlignmentMatrix } from '../../../domain/strategy/alignment';
import type { GoalStatus, InitiativeStatus } from '../../../domain/strategy/schemas';
import type { z } from 'zod';
import type { Queryable } from '../../platform/db/client';
import { containsPattern } from '../../platform/http/pagination';
import { goalLinks, themes } from '../tables';

export interface MatrixFilter {
  businessUnitId?: string;
  themeId?: string;
  goalStatus?: z.infer<typeof GoalStatus>;
  initiativeStatus?: z.infer<typeof InitiativeStatus> | 'portfolio';
  goalQ?: string;
  initiativeQ?: string;
  /** Custom field values the goals / initiatives must have, `{ fieldId: value }` as resolveFieldFilters gives them. */
  goalCustomFields?: Record<string, unknown>;
  initiativeCustomFields?: Record<string, unknown>;
  linkedOnly: boolean;
  goalSort: 'weight' | 'title' | 'links' | 'newest';
  initiativeSort: 'links' | 'title' | 'cost' | 'effort' | 'newest';
  goalLimit: number;
  initiativeLimit: number;
  goalOffset: number;
  initiativeOffset: number;
}

/** `col = id`, `col is null` for `none`, nothing when absent. */
function idFilter(column: SQL, value: string | undefined): SQL | undefined {
  if (value === undefined) return undefined;
  return value === 'none' ? sql`${column} is null` : sql`${column} = ${value}`;
}

/** The goal filters on the goals table under alias `a` (the rows, and the goals linkedOnly looks at). */
function goalWhere(a: string, workspaceId: string, f: MatrixFilter): SQL {
  const c = (name: string) => sql.raw(`${a}.${name}`);
  const parts = [
    sql`${c('workspace_id')} = ${workspaceId}`,
    sql`${c('archived_at')} is null`,
    idFilter(c('business_unit_id'), f.businessUnitId),
    idFilter(c('theme_id'), f.themeId),
    f.goalStatus ? sql`${c('status')} = ${f.goalStatus}` : undefined,
    f.goalQ ? sql`${c('title')} ilike ${containsPattern(f.goalQ)}` : undefined,
    f.goalCustomFields ? sql`${c('custom_fields')} @> ${JSON.stringify(f.goalCustomFields)}::jsonb` : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return sql.join(parts, sql` and `);
}

const GOAL_ORDER: Record<MatrixFilter['goalSort'], string> = {
  weight: 'g.weight desc, lower(g.title), g.id',
  title: 'lower(g.title), g.id',
  links: '"linkCount" desc, g.weight desc, lower(g.title), g.id',
  newest: 'g.created_at desc, g.id desc',
};
const INITIATIVE_ORDER: Record<MatrixFilter['initiativeSort'], string> = {
  links: '"linkCount" desc, lower(i.title), i.id',
  title: 'lower(i.title), i.id',
  cost: '(i.capex + i.opex) desc, lower(i.title), i.id',
  effort: 'i.effort_days desc, lower(i.title), i.id',
  newest: 'i.created_at desc, i.id desc',
};

interface GoalRow extends Record<string, unknown> {
  id: string; title: string; status: TAlignmentMatrix['goals'][number]['status']; weight: number;
  businessUnitId: string | null; themeId: string | null; linkCount: number;
}
interface InitiativeRow extends Record<string, unknown> {
  id: string; title: string; status: TAlignmentMatrix['initiatives'][number]['status']; businessUnitId: string | null;
  cost: number; effortDays: number; linkCount: number;
}

/**
 * Goals × initiatives with their links, for the alignment matrix. The business unit filter
 * applies to both sides, the theme, goal status, goal search and goal custom fields to the goals; `linkedOnly`
 * keeps the initiatives linked to a goal passing the goal filters (not only those on this page).
 */
export async function alignmentMatrix(db: Queryable, workspaceId: string, f: MatrixFilter): Promise<TAlignmentMatrix> {
  const goalWhereSql = goalWhere('g', workspaceId, f);
  const goalRes = await db.execute<GoalRow>(sql`
    select g.id, g.title, g.status, g.weight, g.business_unit_id as "businessUnitId", g.theme_id as "themeId",
      (select count(*)::int from goal_links l where l.goal_id = g.id) as "linkCount"
    from goals g
    where ${goalWhereSql}
    order by ${sql.raw(GOAL_ORDER[f.goalSort])}
    limit ${f.goalLimit} offset ${f.goalOffset}`);

  const initiativeParts = [
    sql`i.workspace_id = ${workspaceId}`,
    sql`i.archived_at is null`,
    idFilter(sql.raw('i.business_unit_id'), f.businessUnitId),
    f.initiativeStatus === 'portfolio'
      ? sql`i.status in (${sql.join(PORTFOLIO_STATUSES.map((s) => sql`${s}`), sql`, `)})`
      : f.initiativeStatus ? sql`i.status = ${f.initiativeStatus}` : undefined,
    f.initiativeQ ? sql`i.title ilike ${containsPattern(f.initiativeQ)}` : undefined,
    f.initiativeCustomFields ? sql`i.custom_fields @> ${JSON.stringify(f.initiativeCustomFields)}::jsonb` : undefined,
    f.linkedOnly
      ? sql`exists (select 1 from goal_links ml join goals mg on mg.id = ml.goal_id where ml.initiative_id = i.id and ${goalWhere('mg', workspaceId, f)})`
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  const initiativeWhere = sql.join(initiativeParts, sql` and `);
  // Link counts: per row through the initiative index, which PostgreSQL does after the limit
  // unless the order needs them; sorted by them over the whole portfolio (no unit, search or
  // custom field filter to narrow it), one pass over the links is cheaper. Totals come from a plain count (cheaper
  // than a window over every row).
  const byLinks = f.initiativeSort === 'links' && !f.businessUnitId && !f.initiativeQ && !f.initiativeCustomFields;
  const initiativeRes = await db.execute<InitiativeRow>(sql`
    select i.id, i.title, i.status, i.business_unit_id as "businessUnitId", (i.capex + i.opex) as cost, i.effort_days as "effortDays",
      ${byLinks ? sql`coalesce(lc.n, 0)::int` : sql`(select count(*)::int from goal_links l where l.initiative_id = i.id)`} as "linkCount"
    from initiatives i
    ${byLinks
      ? sql`left join (select initiative_id, count(*) as n from goal_links where workspace_id = ${workspaceId} group by initiative_id) lc on lc.initiative_id = i.id`
      : sql``}
    where ${initiativeWhere}
    order by ${sql.raw(INITIATIVE_ORDER[f.initiativeSort])}
    limit ${f.initiativeLimit} offset ${f.initiativeOffset}`);

  const goalRows = goalRes.rows;
  const initRows = initiativeRes.rows;
  const goalIds = goalRows.map((g) => g.id);
  const initIds = initRows.map((i) => i.id);
  const links = goalIds.length && initIds.length
    ? await db
      .select({ id: goalLinks.id, goalId: goalLinks.goalId, initiativeId: goalLinks.initiativeId, strength: goalLinks.strength, rationale: goalLinks.rationale })
      .from(goalLinks)
      .where(and(eq(goalLinks.workspaceId, workspaceId), inArray(goalLinks.goalId, goalIds), inArray(goalLinks.initiativeId, initIds)))
    : [];
  const themeRows = await db
    .select({ id: themes.id, name: themes.name, color: themes.color })
    .from(themes)
    .where(eq(themes.workspaceId, workspaceId))
    .orderBy(asc(themes.position), asc(themes.name));

  // A short first page is the whole set; otherwise count.
  const goalTotal = f.goalOffset === 0 && goalRows.length < f.goalLimit ? goalRows.length : await count(db, sql`select count(*)::int as n from goals g where ${goalWhereSql}`);
  const initiativeTotal = f.initiativeOffset === 0 && initRows.length < f.initiativeLimit
    ? initRows.length
    : await count(db, sql`select count(*)::int as n from initiatives i where ${initiativeWhere}`);
  return {
    goals: goalRows,
    goalTotal,
    initiatives: initRows.map((i) => ({ ...i, cost: Number(i.cost), effortDays: Number(i.effortDays) })),
    initiativeTotal,
    links,
    themes: themeRows,
  };
}

async function count(db: Queryable, query: SQL): Promise<number> {
  const r = await db.execute<{ n: number }>(query);
  return r.rows[0]?.n ?? 0;
}
