import { z } from 'zod';
import { Id } from '../common';
import { GoalStatus, InitiativeStatus, LinkStrength, type TGoal, type TInitiative, type TLinkStrength } from './schemas';
import { FieldFilterParam } from './custom-fields';

/*
 * Alignment (DESIGN.md "Alignment"), computed here once for the API, the app and the graph.
 *
 * - Portfolio initiatives: status planned, in_progress or on_hold, and not archived.
 * - Active goals: status active, and not archived.
 * - A link counts only between an active goal and a portfolio initiative.
 * - Aligned initiative: a portfolio initiative linked to ≥ 1 active goal; the others are orphans.
 * - Aligned spend % = 100 × Σ cost(aligned) / Σ cost(portfolio), cost = capex + opex; null if 0.
 * - Aligned effort %: the same with effort (person-days).
 * - Goal coverage % = 100 × (active goals linked from ≥ 1 portfolio initiative) / active goals;
 *   the others are unsupported goals.
 * - Strategic value of a portfolio initiative = 100 × Σ_g w_g·s_ig/3 / Σ_g w_g over the active
 *   goals g (w_g the goal's weight, s_ig the link's strength weak 1, medium 2, strong 3, 0 if
 *   none): 0–100, 100 only for an initiative strongly linked to every active goal.
 */

// ───────────────────────────── definitions ─────────────────────────────

/** Initiative statuses that make up the portfolio (archived ones excepted). */
export const PORTFOLIO_STATUSES = ['planned', 'in_progress', 'on_hold'] as const satisfies readonly TInitiative['status'][];
/** Goal statuses that count as active (archived ones excepted). */
export const ACTIVE_GOAL_STATUSES = ['active'] as const satisfies readonly TGoal['status'][];
/** s_ig: weak 1, medium 2, strong 3. */
export const STRENGTH_VALUE: Record<TLinkStrength, 1 | 2 | 3> = { weak: 1, medium: 2, strong: 3 };
const MAX_STRENGTH = 3;

const portfolioSet: ReadonlySet<string> = new Set(PORTFOLIO_STATUSES);
const activeSet: ReadonlySet<string> = new Set(ACTIVE_GOAL_STATUSES);

export interface AlignmentGoal {
  id: string;
  status: TGoal['status'];
  archived: boolean;
  /** w_g, 1–100. */
  weight: number;
  businessUnitId: string | null;
  themeId: string | null;
}

export interface AlignmentInitiative {
  id: string;
  status: TInitiative['status'];
  archived: boolean;
  capex: number;
  opex: number;
  effortDays: number;
  businessUnitId: string | null;
}

export interface AlignmentLink {
  goalId: string;
  initiativeId: string;
  strength: TLinkStrength;
}

/** A portfolio initiative: planned, in progress or on hold, and not archived. */
export function isPortfolio(i: Pick<AlignmentInitiative, 'status' | 'archived'>): boolean {
  return !i.archived && portfolioSet.has(i.status);
}

/** An active goal: status active, and not archived. */
export function isActiveGoal(g: Pick<AlignmentGoal, 'status' | 'archived'>): boolean {
  return !g.archived && activeSet.has(g.status);
}

/** 100 × part / whole; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

// ───────────────────────────── results ─────────────────────────────

/** What alignment says about one portfolio initiative. */
export interface InitiativeAlignment {
  id: string;
  businessUnitId: string | null;
  /** capex + opex. */
  cost: number;
  effortDays: number;
  /** Linked to ≥ 1 active goal. */
  aligned: boolean;
  /** How many active goals it is linked to. */
  activeGoalCount: number;
  /** Σ w_g·s_ig over the active goals it is linked to. */
  weightedStrength: number;
  /** 0–100 (see the header). */
  strategicValue: number;
  /** Themes of the active goals it is linked to; null stands for goals without a theme. */
  themeIds: ReadonlySet<string | null>;
}

/** What alignment says about one active goal. */
export interface GoalAlignment {
  id: string;
  businessUnitId: string | null;
  themeId: string | null;
  weight: number;
  /** Linked from ≥ 1 portfolio initiative. */
  covered: boolean;
  /** How many portfolio initiatives are linked to it. */
  supporterCount: number;
}

/** The counts, amounts and percentages every slice has (the workspace, a business unit, a theme). */
export interface AlignmentCounts {
  /** Initiatives: portfolio, aligned (to any active goal), orphans, spend and effort. */
  portfolioCount: number;
  alignedCount: number;
  orphanCount: number;
  portfolioSpend: number;
  alignedSpend: number;
  alignedSpendPct: number | null;
  portfolioEffort: number;
  alignedEffort: number;
  alignedEffortPct: number | null;
  /** Goals: active, covered (by any portfolio initiative), unsupported. */
  activeGoalCount: number;
  coveredGoalCount: number;
  unsupportedGoalCount: number;
  goalCoveragePct: number | null;
}

/** The headline figures of a slice of the workspace (all of it, a business unit, a theme). */
export interface AlignmentHeadline extends AlignmentCounts {
  /** Orphans, the largest cost first (then effort, then id). */
  orphanInitiativeIds: string[];
  /** Unsupported active goals, the heaviest first (then id). */
  unsupportedGoalIds: string[];
}

/**
 * One business unit's figures (businessUnitId null: the items without a unit): initiatives and
 * goals each by their own unit.
 */
export interface UnitBreakdown extends AlignmentCounts {
  businessUnitId: string | null;
}

/**
 * One theme's figures (themeId null: goals without a theme).
 *
 * Goals by their theme: active, covered, unsupported, coverage %. Initiatives have no theme of
 * their own: a theme's spend and effort are those of the portfolio initiatives linked to at least
 * one active goal of the theme, as amounts and as a share of the whole portfolio's spend and
 * effort. An initiative serving goals of two themes counts in both, so the themes' shares can
 * add up to more than the aligned spend % (never to less).
 */
export interface ThemeBreakdown {
  themeId: string | null;
  activeGoalCount: number;
  coveredGoalCount: number;
  unsupportedGoalCount: number;
  goalCoveragePct: number | null;
  /** Portfolio initiatives linked to ≥ 1 active goal of the theme. */
  initiativeCount: number;
  spend: number;
  /** spend as % of the whole portfolio's spend; null when the portfolio costs nothing. */
  spendPct: number | null;
  effort: number;
  effortPct: number | null;
}

export interface AlignmentFigures extends AlignmentHeadline {
  /** Strategic value (0–100) of every portfolio initiative. */
  strategicValue: Map<string, number>;
  /** Σ w_g over the active goals (the strategic value's denominator). */
  totalActiveWeight: number;
  /** Every portfolio initiative, by id. */
  initiatives: Map<string, InitiativeAlignment>;
  /** Every active goal, by id. */
  goals: Map<string, GoalAlignment>;
  /** By business unit: units with portfolio initiatives or active goals (and options.unitIds); no-unit group last. */
  byBusinessUnit: UnitBreakdown[];
  /** By theme: themes with active goals or aligned initiatives (and options.themeIds); no-theme group last. */
  byTheme: ThemeBreakdown[];
}

export interface AlignmentOptions {
  /** Units to list in byBusinessUnit even with nothing in them (e.g. every unit of the workspace). */
  unitIds?: readonly string[];
  /** Themes to list in byTheme even with nothing in them. */
  themeIds?: readonly string[];
}

// ───────────────────────────── calculation ─────────────────────────────

type MutableInitiative = InitiativeAlignment & { themeIds: Set<string | null> };

/** Shared by the initiatives linked to no active goal (never changed). */
const NO_THEMES: ReadonlySet<string | null> = new Set();

/**
 * The alignment figures of a workspace from its goals, initiatives and links (any of them:
 * archived and inactive ones are left out here). Links whose goal or initiative is not given are
 * ignored; a goal–initiative pair given twice counts once, with its strongest strength.
 */
export function computeAlignment(
  goals: readonly AlignmentGoal[],
  initiatives: readonly AlignmentInitiative[],
  links: readonly AlignmentLink[],
  options: AlignmentOptions = {},
): AlignmentFigures {
  // Goals and initiatives get a number each, so that a pair is one number (goal × count + initiative).
  const goalMap = new Map<string, GoalAlignment>();
  const goalNo = new Map<string, number>();
  for (const g of goals) {
    if (isActiveGoal(g) && !goalMap.has(g.id)) {
      goalNo.set(g.id, goalMap.size);
      goalMap.set(g.id, newGoal(g));
    }
  }
  const initMap = new Map<string, MutableInitiative>();
  const initList: MutableInitiative[] = [];
  const initNo = new Map<string, number>();
  for (const i of initiatives) {
    if (isPortfolio(i) && !initMap.has(i.id)) {
      const out = newInitiative(i);
      initNo.set(i.id, initList.length);
      initList.push(out);
      initMap.set(i.id, out);
    }
  }
  const goalList = [...goalMap.values()];
  // The strength of every pair counted so far, to count a repeated pair once.
  const pairs = new Map<number, number>();
  for (const l of links) {
    const gn = goalNo.get(l.goalId);
    if (gn === undefined) continue;
    const inn = initNo.get(l.initiativeId);
    if (inn === undefined) continue;
    const g = goalList[gn]!;
    const i = initList[inn]!;
    const s = STRENGTH_VALUE[l.strength];
    const pair = gn * initList.length + inn;
    const before = pairs.get(pair);
    if (before !== undefined) {
      if (s > before) {
        i.weightedStrength += g.weight * (s - before);
        pairs.set(pair, s);
      }
      continue;
    }
    pairs.set(pair, s);
    i.weightedStrength += g.weight * s;
    i.activeGoalCount += 1;
    i.aligned = true;
    if (i.themeIds === NO_THEMES) i.themeIds = new Set();
    i.themeIds.add(g.themeId);
    g.covered = true;
    g.supporterCount += 1;
  }
  return finish(goalMap, initMap, options);
}

function newGoal(g: AlignmentGoal): GoalAlignment {
  return { id: g.id, businessUnitId: g.businessUnitId, themeId: g.themeId, weight: g.weight, covered: false, supporterCount: 0 };
}

function newInitiative(i: AlignmentInitiative): MutableInitiative {
  return {
    id: i.id, businessUnitId: i.businessUnitId, cost: i.capex + i.opex, effortDays: i.effortDays,
    aligned: false, activeGoalCount: 0, weightedStrength: 0, strategicValue: 0, themeIds: NO_THEMES as Set<string | null>,
  };
}

function finish(goalMap: Map<string, GoalAlignment>, initMap: Map<string, MutableInitiative>, options: AlignmentOptions): AlignmentFigures {
  let totalActiveWeight = 0;
  for (const g of goalMap.values()) totalActiveWeight += g.weight;
  const strategicValue = new Map<string, number>();
  for (const i of initMap.values()) {
    // No active goal: nothing to serve, so no strategic value (0 rather than 0/0).
    i.strategicValue = totalActiveWeight === 0 ? 0 : (100 * i.weightedStrength) / (MAX_STRENGTH * totalActiveWeight);
    strategicValue.set(i.id, i.strategicValue);
  }
  const partial = { initiatives: initMap as Map<string, InitiativeAlignment>, goals: goalMap };
  return {
    ...headlineOf(partial, {}),
    strategicValue,
    totalActiveWeight,
    ...partial,
    byBusinessUnit: unitBreakdown(goalMap, initMap, options.unitIds ?? []),
    byTheme: themeBreakdown(goalMap, initMap, options.themeIds ?? []),
  };
}

/** The largest cost first, then the larger effort, then by id. */
function byCost(a: InitiativeAlignment, b: InitiativeAlignment): number {
  return b.cost - a.cost || b.effortDays - a.effortDays || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byWeight(a: GoalAlignment, b: GoalAlignment): number {
  return b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A part of the workspace: `businessUnitId` keeps the initiatives and goals of that unit (null:
 * those without a unit); `themeId` keeps the goals of that theme (null: without a theme), and
 * counts as aligned only the initiatives linked to an active goal of the theme. Left out
 * (undefined), a filter keeps everything.
 */
export interface AlignmentScope {
  businessUnitId?: string | null;
  themeId?: string | null;
}

/** Whether a portfolio initiative is in the scope's denominator (its unit). */
function initiativeInScope(i: InitiativeAlignment, scope: AlignmentScope): boolean {
  return scope.businessUnitId === undefined || i.businessUnitId === scope.businessUnitId;
}

/** Whether it counts as aligned in the scope: linked to an active goal (of the theme, with a theme). */
function alignedInScope(i: InitiativeAlignment, scope: AlignmentScope): boolean {
  return scope.themeId === undefined ? i.aligned : i.themeIds.has(scope.themeId);
}

function goalInScope(g: GoalAlignment, scope: AlignmentScope): boolean {
  return (scope.businessUnitId === undefined || g.businessUnitId === scope.businessUnitId)
    && (scope.themeId === undefined || g.themeId === scope.themeId);
}

/**
 * The headline figures of a part of the workspace. With a business unit they are that unit's
 * row of byBusinessUnit; with a theme, aligned spend and effort are the theme's share of the
 * (unit's) portfolio and coverage is that of the theme's goals. Orphans serve no goal, so they
 * belong to no theme: with a theme the orphan list is empty and orphanCount counts the
 * portfolio initiatives that serve no goal of the theme.
 */
export function sliceAlignment(figures: Pick<AlignmentFigures, 'initiatives' | 'goals'>, scope: AlignmentScope): AlignmentHeadline {
  return headlineOf(figures, scope);
}

function headlineOf(f: Pick<AlignmentFigures, 'initiatives' | 'goals'>, scope: AlignmentScope): AlignmentHeadline {
  let portfolioCount = 0, alignedCount = 0, portfolioSpend = 0, alignedSpend = 0, portfolioEffort = 0, alignedEffort = 0;
  const orphans: InitiativeAlignment[] = [];
  for (const i of f.initiatives.values()) {
    if (!initiativeInScope(i, scope)) continue;
    portfolioCount += 1;
    portfolioSpend += i.cost;
    portfolioEffort += i.effortDays;
    if (alignedInScope(i, scope)) {
      alignedCount += 1;
      alignedSpend += i.cost;
      alignedEffort += i.effortDays;
    } else if (!i.aligned) {
      orphans.push(i);
    }
  }
  let activeGoalCount = 0, coveredGoalCount = 0;
  const unsupported: GoalAlignment[] = [];
  for (const g of f.goals.values()) {
    if (!goalInScope(g, scope)) continue;
    activeGoalCount += 1;
    if (g.covered) coveredGoalCount += 1;
    else unsupported.push(g);
  }
  const orphanIds = scope.themeId === undefined ? orphans.sort(byCost).map((i) => i.id) : [];
  return {
    portfolioCount, alignedCount, orphanCount: portfolioCount - alignedCount,
    portfolioSpend, alignedSpend, alignedSpendPct: percent(alignedSpend, portfolioSpend),
    portfolioEffort, alignedEffort, alignedEffortPct: percent(alignedEffort, portfolioEffort),
    activeGoalCount, coveredGoalCount, unsupportedGoalCount: activeGoalCount - coveredGoalCount,
    goalCoveragePct: percent(coveredGoalCount, activeGoalCount),
    orphanInitiativeIds: orphanIds,
    unsupportedGoalIds: unsupported.sort(byWeight).map((g) => g.id),
  };
}

/**
 * The portfolio initiatives of a scope (with a theme: those linked to an active goal of it),
 * highest strategic value first; ties by the larger cost, then by id.
 */
export function rankByStrategicValue(figures: Pick<AlignmentFigures, 'initiatives'>, scope: AlignmentScope = {}): InitiativeAlignment[] {
  const out: InitiativeAlignment[] = [];
  for (const i of figures.initiatives.values()) {
    if (initiativeInScope(i, scope) && (scope.themeId === undefined || i.themeIds.has(scope.themeId))) out.push(i);
  }
  return out.sort((a, b) => b.strategicValue - a.strategicValue || byCost(a, b));
}

/** Groups in a stable order: the given keys first, then as met; null last. */
function groups<G>(keys: readonly string[], make: (key: string | null) => G) {
  const map = new Map<string | null, G>();
  for (const k of keys) if (!map.has(k)) map.set(k, make(k));
  return {
    get(key: string | null): G {
      let g = map.get(key);
      if (!g) map.set(key, (g = make(key)));
      return g;
    },
    list(): G[] {
      const out = [...map.entries()].filter(([k]) => k !== null).map(([, g]) => g);
      const none = map.get(null);
      return none ? [...out, none] : out;
    },
  };
}

function unitBreakdown(goalMap: Map<string, GoalAlignment>, initMap: Map<string, InitiativeAlignment>, keys: readonly string[]): UnitBreakdown[] {
  const g = groups<UnitBreakdown>(keys, (businessUnitId) => ({
    businessUnitId, portfolioCount: 0, alignedCount: 0, orphanCount: 0, portfolioSpend: 0, alignedSpend: 0, alignedSpendPct: null,
    portfolioEffort: 0, alignedEffort: 0, alignedEffortPct: null, activeGoalCount: 0, coveredGoalCount: 0, unsupportedGoalCount: 0,
    goalCoveragePct: null,
  }));
  for (const i of initMap.values()) {
    const row = g.get(i.businessUnitId);
    row.portfolioCount += 1;
    row.portfolioSpend += i.cost;
    row.portfolioEffort += i.effortDays;
    if (i.aligned) {
      row.alignedCount += 1;
      row.alignedSpend += i.cost;
      row.alignedEffort += i.effortDays;
    } else {
      row.orphanCount += 1;
    }
  }
  for (const goal of goalMap.values()) {
    const row = g.get(goal.businessUnitId);
    row.activeGoalCount += 1;
    if (goal.covered) row.coveredGoalCount += 1;
    else row.unsupportedGoalCount += 1;
  }
  return g.list().map((row) => ({
    ...row,
    alignedSpendPct: percent(row.alignedSpend, row.portfolioSpend),
    alignedEffortPct: percent(row.alignedEffort, row.portfolioEffort),
    goalCoveragePct: percent(row.coveredGoalCount, row.activeGoalCount),
  }));
}

function themeBreakdown(goalMap: Map<string, GoalAlignment>, initMap: Map<string, InitiativeAlignment>, keys: readonly string[]): ThemeBreakdown[] {
  const g = groups<ThemeBreakdown>(keys, (themeId) => ({
    themeId, activeGoalCount: 0, coveredGoalCount: 0, unsupportedGoalCount: 0, goalCoveragePct: null,
    initiativeCount: 0, spend: 0, spendPct: null, effort: 0, effortPct: null,
  }));
  for (const goal of goalMap.values()) {
    const row = g.get(goal.themeId);
    row.activeGoalCount += 1;
    if (goal.covered) row.coveredGoalCount += 1;
    else row.unsupportedGoalCount += 1;
  }
  let portfolioSpend = 0, portfolioEffort = 0;
  for (const i of initMap.values()) {
    portfolioSpend += i.cost;
    portfolioEffort += i.effortDays;
    for (const t of i.themeIds) {
      const row = g.get(t);
      row.initiativeCount += 1;
      row.spend += i.cost;
      row.effort += i.effortDays;
    }
  }
  return g.list().map((row) => ({
    ...row,
    goalCoveragePct: percent(row.coveredGoalCount, row.activeGoalCount),
    spendPct: percent(row.spend, portfolioSpend),
    effortPct: percent(row.effort, portfolioEffort),
  }));
}

// ───────────────────────────── API contract ─────────────────────────────

/** `none` in a filter stands for "without a business unit" / "without a theme". */
const IdOrNone = z.union([Id, z.literal('none')]);
const Pct = z.number().nullable();

export const AlignmentSummaryQuery = z.object({
  businessUnitId: IdOrNone.optional().describe('a business unit’s id, or `none` for the items without one'),
  themeId: IdOrNone.optional().describe('a theme’s id, or `none` for goals without one'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('how many items each list holds'),
});

const UnitRef = { businessUnitId: Id.nullable(), businessUnitName: z.string().nullable() };

export const AlignmentSummary = z.object({
  scope: z.object({ businessUnitId: IdOrNone.nullable(), themeId: IdOrNone.nullable() }),
  portfolioCount: z.number().int(),
  alignedCount: z.number().int(),
  orphanCount: z.number().int(),
  portfolioSpend: z.number(),
  alignedSpend: z.number(),
  alignedSpendPct: Pct,
  portfolioEffort: z.number(),
  alignedEffort: z.number(),
  alignedEffortPct: Pct,
  activeGoalCount: z.number().int(),
  coveredGoalCount: z.number().int(),
  unsupportedGoalCount: z.number().int(),
  goalCoveragePct: Pct,
  /** Σ of the active goals' weights (the strategic value's denominator). */
  totalActiveWeight: z.number(),
  orphanInitiatives: z.object({
    items: z.array(z.object({ id: Id, title: z.string(), status: InitiativeStatus, ...UnitRef, cost: z.number(), effortDays: z.number() })),
    total: z.number().int(),
  }),
  unsupportedGoals: z.object({
    items: z.array(z.object({ id: Id, title: z.string(), weight: z.number().int(), ...UnitRef, themeId: Id.nullable(), themeName: z.string().nullable() })),
    total: z.number().int(),
  }),
  strategicValue: z.object({
    items: z.array(z.object({
      id: Id, title: z.string(), status: InitiativeStatus, ...UnitRef, value: z.number(), activeGoalCount: z.number().int(), cost: z.number(),
    })),
    total: z.number().int(),
  }),
  byBusinessUnit: z.array(z.object({
    ...UnitRef,
    portfolioCount: z.number().int(),
    alignedCount: z.number().int(),
    orphanCount: z.number().int(),
    portfolioSpend: z.number(),
    alignedSpend: z.number(),
    alignedSpendPct: Pct,
    portfolioEffort: z.number(),
    alignedEffort: z.number(),
    alignedEffortPct: Pct,
    activeGoalCount: z.number().int(),
    coveredGoalCount: z.number().int(),
    unsupportedGoalCount: z.number().int(),
    goalCoveragePct: Pct,
  })),
  byTheme: z.array(z.object({
    themeId: Id.nullable(),
    themeName: z.string().nullable(),
    color: z.string().nullable(),
    activeGoalCount: z.number().int(),
    coveredGoalCount: z.number().int(),
    unsupportedGoalCount: z.number().int(),
    goalCoveragePct: Pct,
    initiativeCount: z.number().int(),
    spend: z.number(),
    spendPct: Pct,
    effort: z.number(),
    effortPct: Pct,
  })),
});
export type TAlignmentSummary = z.infer<typeof AlignmentSummary>;

// The matrix: goals (rows) × initiatives (columns) with the links between them.

export const MATRIX_GOAL_SORTS = ['weight', 'title', 'links', 'newest'] as const;
export const MATRIX_INITIATIVE_SORTS = ['links', 'title', 'cost', 'effort', 'newest'] as const;
export const MATRIX_MAX_GOALS = 100;
export const MATRIX_MAX_INITIATIVES = 200;

const Flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const AlignmentMatrixQuery = z.object({
  businessUnitId: IdOrNone.optional().describe('goals and initiatives of this business unit (`none`: without one)'),
  themeId: IdOrNone.optional().describe('goals of this theme (`none`: without one)'),
  goalStatus: GoalStatus.optional(),
  initiativeStatus: z.union([InitiativeStatus, z.literal('portfolio')]).optional().describe('a status, or `portfolio` (planned, in progress, on hold)'),
  goalQ: z.string().trim().max(200).optional().describe('text in the goals’ titles'),
  initiativeQ: z.string().trim().max(200).optional().describe('text in the initiatives’ titles'),
  goalField: FieldFilterParam.describe('goal custom field filter `<fieldId>:<value>`, repeatable (all must match)'),
  initiativeField: FieldFilterParam.describe('initiative custom field filter `<fieldId>:<value>`, repeatable (all must match)'),
  linkedOnly: Flag.describe('only initiatives linked to at least one goal that passes the goal filters'),
  goalSort: z.enum(MATRIX_GOAL_SORTS).default('weight'),
  initiativeSort: z.enum(MATRIX_INITIATIVE_SORTS).default('links'),
  goalLimit: z.coerce.number().int().min(1).max(MATRIX_MAX_GOALS).default(50),
  initiativeLimit: z.coerce.number().int().min(1).max(MATRIX_MAX_INITIATIVES).default(100),
  goalOffset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  initiativeOffset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TAlignmentMatrixQuery = z.input<typeof AlignmentMatrixQuery>;

/** `linkCount`: all the item's links, whatever the state of the other end. */
export const AlignmentMatrix = z.object({
  goals: z.array(z.object({
    id: Id, title: z.string(), status: GoalStatus, weight: z.number().int(), businessUnitId: Id.nullable(), themeId: Id.nullable(),
    linkCount: z.number().int(),
  })),
  goalTotal: z.number().int(),
  initiatives: z.array(z.object({
    id: Id, title: z.string(), status: InitiativeStatus, businessUnitId: Id.nullable(), cost: z.number(), effortDays: z.number(),
    linkCount: z.number().int(),
  })),
  initiativeTotal: z.number().int(),
  /** The links between the goals and initiatives shown. */
  links: z.array(z.object({ id: Id, goalId: Id, initiativeId: Id, strength: LinkStrength, rationale: z.string() })),
  themes: z.array(z.object({ id: Id, name: z.string(), color: z.string() })),
});
export type TAlignmentMatrix = z.infer<typeof AlignmentMatrix>;
