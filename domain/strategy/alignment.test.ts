import { describe, expect, it } from 'vitest';
import {
  type AlignmentGoal, type AlignmentInitiative, type AlignmentLink, AlignmentMatrixQuery, AlignmentSummaryQuery, computeAlignment, isActiveGoal,
  isPortfolio, percent, rankByStrategicValue, sliceAlignment, STRENGTH_VALUE,
} from './alignment';

const goal = (id: string, over: Partial<AlignmentGoal> = {}): AlignmentGoal => ({
  id, status: 'active', archived: false, weight: 50, businessUnitId: null, themeId: null, ...over,
});
const ini = (id: string, over: Partial<AlignmentInitiative> = {}): AlignmentInitiative => ({
  id, status: 'planned', archived: false, capex: 0, opex: 0, effortDays: 0, businessUnitId: null, ...over,
});
const link = (goalId: string, initiativeId: string, strength: AlignmentLink['strength']): AlignmentLink => ({ goalId, initiativeId, strength });

/*
 * The hand-computed workspace.
 * Active goals: G1 (60, U1, T1), G2 (30, U2, T2), G3 (10, U1, no theme), G6 (20, no unit, T1): Σw = 120.
 * Not active: G4 draft, G5 archived.
 * Portfolio: I1 (150 = 100 capex + 50 opex, 10 d, U1), I2 (300, 20 d, U2), I3 (0, 0 d, U1), I8 (50, 30 d, no unit),
 * I9 (200, 5 d, U2): spend 700, effort 65. Not in the portfolio: I4 proposed, I5 done, I6 cancelled, I7 archived.
 */
const goals: AlignmentGoal[] = [
  goal('G1', { weight: 60, businessUnitId: 'U1', themeId: 'T1' }),
  goal('G2', { weight: 30, businessUnitId: 'U2', themeId: 'T2' }),
  goal('G3', { weight: 10, businessUnitId: 'U1' }),
  goal('G4', { weight: 50, businessUnitId: 'U1', themeId: 'T1', status: 'draft' }),
  goal('G5', { weight: 40, businessUnitId: 'U2', themeId: 'T2', archived: true }),
  goal('G6', { weight: 20, themeId: 'T1' }),
];
const initiatives: AlignmentInitiative[] = [
  ini('I1', { status: 'planned', capex: 100, opex: 50, effortDays: 10, businessUnitId: 'U1' }),
  ini('I2', { status: 'in_progress', capex: 300, effortDays: 20, businessUnitId: 'U2' }),
  ini('I3', { status: 'on_hold', businessUnitId: 'U1' }),
  ini('I4', { status: 'proposed', capex: 1000, effortDays: 100, businessUnitId: 'U1' }),
  ini('I5', { status: 'done', capex: 500, effortDays: 50, businessUnitId: 'U2' }),
  ini('I6', { status: 'cancelled', capex: 700, effortDays: 70 }),
  ini('I7', { status: 'planned', archived: true, capex: 900, effortDays: 90, businessUnitId: 'U1' }),
  ini('I8', { status: 'in_progress', opex: 50, effortDays: 30 }),
  ini('I9', { status: 'planned', capex: 150, opex: 50, effortDays: 5, businessUnitId: 'U2' }),
];
const links: AlignmentLink[] = [
  link('G1', 'I1', 'strong'),
  link('G3', 'I1', 'weak'),
  link('G1', 'I2', 'medium'),
  link('G2', 'I2', 'strong'),
  link('G2', 'I3', 'weak'),
  link('G6', 'I4', 'strong'), // proposed: does not cover G6
  link('G6', 'I5', 'strong'), // done
  link('G6', 'I6', 'strong'), // cancelled
  link('G6', 'I7', 'medium'), // archived initiative
  link('G4', 'I9', 'strong'), // draft goal: I9 stays an orphan
  link('G5', 'I9', 'strong'), // archived goal
];

describe('definitions', () => {
  it('portfolio: planned, in progress and on hold, not archived', () => {
    expect(isPortfolio({ status: 'planned', archived: false })).toBe(true);
    expect(isPortfolio({ status: 'in_progress', archived: false })).toBe(true);
    expect(isPortfolio({ status: 'on_hold', archived: false })).toBe(true);
    expect(isPortfolio({ status: 'proposed', archived: false })).toBe(false);
    expect(isPortfolio({ status: 'done', archived: false })).toBe(false);
    expect(isPortfolio({ status: 'cancelled', archived: false })).toBe(false);
    expect(isPortfolio({ status: 'planned', archived: true })).toBe(false);
  });

  it('active goals: status active, not archived', () => {
    expect(isActiveGoal({ status: 'active', archived: false })).toBe(true);
    expect(isActiveGoal({ status: 'active', archived: true })).toBe(false);
    for (const status of ['draft', 'achieved', 'missed'] as const) expect(isActiveGoal({ status, archived: false })).toBe(false);
  });

  it('strength weights 1, 2, 3 and percentages null on a zero denominator', () => {
    expect(STRENGTH_VALUE).toEqual({ weak: 1, medium: 2, strong: 3 });
    expect(percent(1, 4)).toBe(25);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('computeAlignment on the hand-computed workspace', () => {
  const f = computeAlignment(goals, initiatives, links);

  it('counts the portfolio, aligned initiatives and orphans', () => {
    expect(f.portfolioCount).toBe(5);
    expect(f.alignedCount).toBe(3);
    expect(f.orphanCount).toBe(2);
    // I9 (cost 200) before I8 (cost 50).
    expect(f.orphanInitiativeIds).toEqual(['I9', 'I8']);
  });

  it('aligned spend % = 450 / 700 and aligned effort % = 30 / 65', () => {
    expect(f.portfolioSpend).toBe(700);
    expect(f.alignedSpend).toBe(450);
    expect(f.alignedSpendPct).toBeCloseTo((100 * 450) / 700, 10);
    expect(f.portfolioEffort).toBe(65);
    expect(f.alignedEffort).toBe(30);
    expect(f.alignedEffortPct).toBeCloseTo((100 * 30) / 65, 10);
  });

  it('goal coverage % = 3 / 4; the archived and the draft goal do not count', () => {
    expect(f.activeGoalCount).toBe(4);
    expect(f.coveredGoalCount).toBe(3);
    expect(f.unsupportedGoalCount).toBe(1);
    expect(f.goalCoveragePct).toBe(75);
    expect(f.unsupportedGoalIds).toEqual(['G6']);
    expect([...f.goals.keys()].sort()).toEqual(['G1', 'G2', 'G3', 'G6']);
    expect(f.goals.get('G1')).toMatchObject({ covered: true, supporterCount: 2 });
    expect(f.goals.get('G6')).toMatchObject({ covered: false, supporterCount: 0 });
  });

  it('strategic value = 100 × Σ w·s/3 / Σ w over the active goals (Σ w = 120)', () => {
    expect(f.totalActiveWeight).toBe(120);
    expect(f.strategicValue.get('I1')).toBeCloseTo((100 * (60 * 3 + 10 * 1)) / 3 / 120, 10); // 52.78
    expect(f.strategicValue.get('I2')).toBeCloseTo((100 * (60 * 2 + 30 * 3)) / 3 / 120, 10); // 58.33
    expect(f.strategicValue.get('I3')).toBeCloseTo((100 * (30 * 1)) / 3 / 120, 10); // 8.33
    expect(f.strategicValue.get('I8')).toBe(0);
    expect(f.strategicValue.get('I9')).toBe(0);
    // Only portfolio initiatives have one.
    expect([...f.strategicValue.keys()].sort()).toEqual(['I1', 'I2', 'I3', 'I8', 'I9']);
  });

  it('ranks by strategic value, ties by cost then id', () => {
    expect(rankByStrategicValue(f).map((i) => i.id)).toEqual(['I2', 'I1', 'I3', 'I9', 'I8']);
    expect(rankByStrategicValue(f, { businessUnitId: 'U1' }).map((i) => i.id)).toEqual(['I1', 'I3']);
    expect(rankByStrategicValue(f, { themeId: 'T2' }).map((i) => i.id)).toEqual(['I2', 'I3']);
  });

  it('per initiative: aligned, links to active goals and themes', () => {
    expect(f.initiatives.get('I1')).toMatchObject({ aligned: true, activeGoalCount: 2, weightedStrength: 190, cost: 150 });
    expect([...f.initiatives.get('I1')!.themeIds]).toEqual(['T1', null]);
    expect(f.initiatives.get('I9')).toMatchObject({ aligned: false, activeGoalCount: 0, weightedStrength: 0 });
  });

  it('breaks down by business unit, the no-unit group last', () => {
    expect(f.byBusinessUnit).toEqual([
      {
        businessUnitId: 'U1', portfolioCount: 2, alignedCount: 2, orphanCount: 0, portfolioSpend: 150, alignedSpend: 150, alignedSpendPct: 100,
        portfolioEffort: 10, alignedEffort: 10, alignedEffortPct: 100, activeGoalCount: 2, coveredGoalCount: 2, unsupportedGoalCount: 0,
        goalCoveragePct: 100,
      },
      {
        businessUnitId: 'U2', portfolioCount: 2, alignedCount: 1, orphanCount: 1, portfolioSpend: 500, alignedSpend: 300, alignedSpendPct: 60,
        portfolioEffort: 25, alignedEffort: 20, alignedEffortPct: 80, activeGoalCount: 1, coveredGoalCount: 1, unsupportedGoalCount: 0,
        goalCoveragePct: 100,
      },
      {
        businessUnitId: null, portfolioCount: 1, alignedCount: 0, orphanCount: 1, portfolioSpend: 50, alignedSpend: 0, alignedSpendPct: 0,
        portfolioEffort: 30, alignedEffort: 0, alignedEffortPct: 0, activeGoalCount: 1, coveredGoalCount: 0, unsupportedGoalCount: 1,
        goalCoveragePct: 0,
      },
    ]);
  });

  it('breaks down by theme; an initiative serving two themes counts in both', () => {
    const [t1, t2, none] = f.byTheme;
    expect(f.byTheme.map((t) => t.themeId)).toEqual(['T1', 'T2', null]);
    // T1: G1 covered, G6 not; I1 and I2 serve G1.
    expect(t1).toMatchObject({ activeGoalCount: 2, coveredGoalCount: 1, unsupportedGoalCount: 1, goalCoveragePct: 50, initiativeCount: 2, spend: 450, effort: 30 });
    expect(t1!.spendPct).toBeCloseTo((100 * 450) / 700, 10);
    expect(t1!.effortPct).toBeCloseTo((100 * 30) / 65, 10);
    // T2: G2 covered by I2 and I3 (I3 costs nothing).
    expect(t2).toMatchObject({ activeGoalCount: 1, coveredGoalCount: 1, goalCoveragePct: 100, initiativeCount: 2, spend: 300, effort: 20 });
    expect(t2!.spendPct).toBeCloseTo((100 * 300) / 700, 10);
    expect(t2!.effortPct).toBeCloseTo((100 * 20) / 65, 10);
    // No theme: G3, served by I1.
    expect(none).toMatchObject({ activeGoalCount: 1, coveredGoalCount: 1, goalCoveragePct: 100, initiativeCount: 1, spend: 150, effort: 10 });
    expect(none!.spendPct).toBeCloseTo((100 * 150) / 700, 10);
    // I2 counts in T1 and T2: the shares add up to more than the aligned spend %.
    expect(t1!.spend + t2!.spend + none!.spend).toBeGreaterThan(f.alignedSpend);
  });

  it('slices by unit equal the unit rows', () => {
    for (const row of f.byBusinessUnit) {
      const s = sliceAlignment(f, { businessUnitId: row.businessUnitId });
      const { businessUnitId: _, ...figures } = row;
      expect(s).toMatchObject(figures);
    }
    expect(sliceAlignment(f, { businessUnitId: 'U2' })).toMatchObject({ orphanInitiativeIds: ['I9'], unsupportedGoalIds: [] });
    expect(sliceAlignment(f, { businessUnitId: null })).toMatchObject({ orphanInitiativeIds: ['I8'], unsupportedGoalIds: ['G6'] });
  });

  it('slices by theme equal the theme rows; orphans belong to no theme', () => {
    for (const row of f.byTheme) {
      const s = sliceAlignment(f, { themeId: row.themeId });
      expect(s).toMatchObject({
        activeGoalCount: row.activeGoalCount, coveredGoalCount: row.coveredGoalCount, goalCoveragePct: row.goalCoveragePct,
        alignedCount: row.initiativeCount, alignedSpend: row.spend, alignedSpendPct: row.spendPct, alignedEffort: row.effort, alignedEffortPct: row.effortPct,
        portfolioCount: 5, orphanInitiativeIds: [],
      });
    }
    expect(sliceAlignment(f, { themeId: 'T1' }).unsupportedGoalIds).toEqual(['G6']);
  });

  it('slices by unit and theme together', () => {
    // U1's portfolio is I1 (150, 10 d) and I3 (0, 0 d); only I1 serves a T1 goal. U1 ∩ T1 goals: G1, covered.
    expect(sliceAlignment(f, { businessUnitId: 'U1', themeId: 'T1' })).toMatchObject({
      portfolioCount: 2, alignedCount: 1, orphanCount: 1, alignedSpendPct: 100, alignedEffortPct: 100,
      activeGoalCount: 1, coveredGoalCount: 1, goalCoveragePct: 100, orphanInitiativeIds: [], unsupportedGoalIds: [],
    });
  });

  it('an unknown unit or theme is an empty slice with null percentages', () => {
    expect(sliceAlignment(f, { businessUnitId: 'U9' })).toMatchObject({
      portfolioCount: 0, alignedSpendPct: null, alignedEffortPct: null, activeGoalCount: 0, goalCoveragePct: null,
    });
  });

  it('the headline is the unscoped slice', () => {
    const { strategicValue: _s, totalActiveWeight: _t, initiatives: _i, goals: _g, byBusinessUnit: _u, byTheme: _th, ...headline } = f;
    expect(sliceAlignment(f, {})).toEqual(headline);
  });
});

describe('edge cases', () => {
  it('no portfolio initiatives: spend and effort % are null, every active goal is unsupported', () => {
    const f = computeAlignment(
      [goal('G1', { weight: 10 }), goal('G2', { weight: 20 })],
      [ini('I1', { status: 'done', capex: 100, effortDays: 5 }), ini('I2', { status: 'cancelled', capex: 100 }), ini('I3', { status: 'proposed', opex: 9 })],
      [link('G1', 'I1', 'strong'), link('G2', 'I2', 'strong'), link('G2', 'I3', 'weak')],
    );
    expect(f).toMatchObject({
      portfolioCount: 0, alignedCount: 0, orphanCount: 0, portfolioSpend: 0, alignedSpendPct: null, alignedEffortPct: null,
      activeGoalCount: 2, coveredGoalCount: 0, goalCoveragePct: 0, orphanInitiativeIds: [], unsupportedGoalIds: ['G2', 'G1'],
    });
    expect(f.strategicValue.size).toBe(0);
    expect(f.byBusinessUnit).toEqual([expect.objectContaining({ businessUnitId: null, portfolioCount: 0, alignedSpendPct: null, goalCoveragePct: 0 })]);
  });

  it('nothing at all: every percentage is null, no groups', () => {
    const f = computeAlignment([], [], []);
    expect(f).toMatchObject({ alignedSpendPct: null, alignedEffortPct: null, goalCoveragePct: null, portfolioCount: 0, activeGoalCount: 0 });
    expect(f.byBusinessUnit).toEqual([]);
    expect(f.byTheme).toEqual([]);
  });

  it('no active goals: coverage is null, every portfolio initiative is an orphan with value 0', () => {
    const f = computeAlignment(
      [goal('G1', { status: 'draft' }), goal('G2', { status: 'achieved' }), goal('G3', { status: 'missed' }), goal('G4', { archived: true })],
      [ini('I1', { capex: 10, effortDays: 1 }), ini('I2', { capex: 30, effortDays: 1 })],
      [link('G1', 'I1', 'strong'), link('G2', 'I1', 'strong'), link('G3', 'I2', 'strong'), link('G4', 'I2', 'strong')],
    );
    expect(f).toMatchObject({ goalCoveragePct: null, activeGoalCount: 0, alignedSpendPct: 0, alignedEffortPct: 0, alignedCount: 0, totalActiveWeight: 0 });
    // Same effort: the larger cost first.
    expect(f.orphanInitiativeIds).toEqual(['I2', 'I1']);
    expect(f.strategicValue.get('I1')).toBe(0);
  });

  it('an archived goal no longer covers nor aligns; restored, it does', () => {
    const inis = [ini('I1', { capex: 100 })];
    const l = [link('G1', 'I1', 'medium')];
    expect(computeAlignment([goal('G1', { archived: true })], inis, l)).toMatchObject({ alignedSpendPct: 0, goalCoveragePct: null });
    expect(computeAlignment([goal('G1')], inis, l)).toMatchObject({ alignedSpendPct: 100, goalCoveragePct: 100 });
  });

  it('zero cost: spend % is null while effort % is computed', () => {
    const f = computeAlignment([goal('G1')], [ini('I1', { effortDays: 4 }), ini('I2', { effortDays: 6 })], [link('G1', 'I1', 'weak')]);
    expect(f).toMatchObject({ portfolioSpend: 0, alignedSpendPct: null, alignedEffortPct: 40, orphanInitiativeIds: ['I2'] });
  });

  it('zero effort: effort % is null while spend % is computed', () => {
    const f = computeAlignment([goal('G1')], [ini('I1', { opex: 25 }), ini('I2', { capex: 75 })], [link('G1', 'I1', 'weak')]);
    expect(f).toMatchObject({ alignedSpendPct: 25, alignedEffortPct: null });
  });

  it('strength weights: weak 1/3, medium 2/3, strong 3/3 of a single goal', () => {
    const f = computeAlignment(
      [goal('G1', { weight: 7 })],
      [ini('W'), ini('M'), ini('S'), ini('N')],
      [link('G1', 'W', 'weak'), link('G1', 'M', 'medium'), link('G1', 'S', 'strong')],
    );
    expect(f.strategicValue.get('W')).toBeCloseTo(100 / 3, 10);
    expect(f.strategicValue.get('M')).toBeCloseTo(200 / 3, 10);
    expect(f.strategicValue.get('S')).toBe(100);
    expect(f.strategicValue.get('N')).toBe(0);
  });

  it('goal weights: a strong link to the heavier goal is worth more', () => {
    // Σ w = 100 + 1 + 9 (G3 active, unlinked) = 110.
    const f = computeAlignment(
      [goal('G1', { weight: 100 }), goal('G2', { weight: 1 }), goal('G3', { weight: 9 })],
      [ini('A'), ini('B'), ini('C')],
      [link('G1', 'A', 'strong'), link('G2', 'B', 'strong'), link('G1', 'C', 'weak'), link('G2', 'C', 'strong')],
    );
    expect(f.strategicValue.get('A')).toBeCloseTo((100 * 300) / 3 / 110, 10); // 90.91
    expect(f.strategicValue.get('B')).toBeCloseTo((100 * 3) / 3 / 110, 10); // 0.91
    expect(f.strategicValue.get('C')).toBeCloseTo((100 * (100 + 3)) / 3 / 110, 10); // 31.21
    expect(rankByStrategicValue(f).map((i) => i.id)).toEqual(['A', 'C', 'B']);
    expect(f.unsupportedGoalIds).toEqual(['G3']);
  });

  it('strongly linked to every active goal: 100', () => {
    const f = computeAlignment(
      [goal('G1', { weight: 3 }), goal('G2', { weight: 97 }), goal('G3', { status: 'draft' })],
      [ini('I1')],
      [link('G1', 'I1', 'strong'), link('G2', 'I1', 'strong')],
    );
    expect(f.strategicValue.get('I1')).toBe(100);
  });

  it('ties: the same value and cost rank by id; orphans of the same cost by effort, then id', () => {
    const f = computeAlignment(
      [goal('G1', { weight: 10 })],
      [ini('b', { capex: 5 }), ini('a', { capex: 5 }), ini('c', { capex: 9 }), ini('o2', { capex: 1, effortDays: 1 }), ini('o1', { capex: 1, effortDays: 1 }), ini('o3', { capex: 1, effortDays: 2 })],
      [link('G1', 'b', 'medium'), link('G1', 'a', 'medium'), link('G1', 'c', 'medium')],
    );
    expect(rankByStrategicValue(f).map((i) => i.id)).toEqual(['c', 'a', 'b', 'o3', 'o1', 'o2']);
    expect(f.orphanInitiativeIds).toEqual(['o3', 'o1', 'o2']);
    // Goals of the same weight: by id.
    const g = computeAlignment([goal('z', { weight: 5 }), goal('y', { weight: 5 }), goal('x', { weight: 6 })], [], []);
    expect(g.unsupportedGoalIds).toEqual(['x', 'y', 'z']);
  });

  it('a repeated pair counts once, with its strongest strength; unknown ends are ignored', () => {
    const f = computeAlignment(
      [goal('G1', { weight: 10 })],
      [ini('I1', { capex: 1 })],
      [link('G1', 'I1', 'weak'), link('G1', 'I1', 'strong'), link('G1', 'I1', 'medium'), link('G9', 'I1', 'strong'), link('G1', 'I9', 'strong')],
    );
    expect(f.initiatives.get('I1')).toMatchObject({ activeGoalCount: 1, weightedStrength: 30 });
    expect(f.strategicValue.get('I1')).toBe(100);
    expect(f.goals.get('G1')!.supporterCount).toBe(1);
  });

  it('links to draft goals align nothing; links from done, cancelled and proposed initiatives cover nothing', () => {
    const f = computeAlignment(
      [goal('D', { status: 'draft' }), goal('A')],
      [ini('P', { capex: 10 }), ini('done', { status: 'done' }), ini('x', { status: 'cancelled' }), ini('prop', { status: 'proposed' })],
      [link('D', 'P', 'strong'), link('A', 'done', 'strong'), link('A', 'x', 'strong'), link('A', 'prop', 'strong')],
    );
    expect(f).toMatchObject({ alignedCount: 0, orphanInitiativeIds: ['P'], coveredGoalCount: 0, unsupportedGoalIds: ['A'], alignedSpendPct: 0 });
  });

  it('options list units and themes with nothing in them', () => {
    const f = computeAlignment([goal('G1', { businessUnitId: 'U1', themeId: 'T1' })], [], [], { unitIds: ['U0', 'U1'], themeIds: ['T0'] });
    expect(f.byBusinessUnit.map((u) => u.businessUnitId)).toEqual(['U0', 'U1']);
    expect(f.byBusinessUnit[0]).toMatchObject({ portfolioCount: 0, alignedSpendPct: null, activeGoalCount: 0, goalCoveragePct: null });
    expect(f.byTheme.map((t) => t.themeId)).toEqual(['T0', 'T1']);
    expect(f.byTheme[0]).toMatchObject({ initiativeCount: 0, spendPct: null, goalCoveragePct: null });
  });
});

describe('a generated workspace', () => {
  it('the single-pass breakdowns agree with the scoped headline; a shuffled input changes nothing', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const units = ['U1', 'U2', 'U3', null];
    const themes = ['T1', 'T2', null];
    const gs = Array.from({ length: 40 }, (_, k) => goal(`g${k}`, {
      weight: 1 + Math.floor(rand() * 100), status: pick(['draft', 'active', 'active', 'achieved', 'missed'] as const), archived: rand() < 0.1,
      businessUnitId: pick(units), themeId: pick(themes),
    }));
    const is = Array.from({ length: 120 }, (_, k) => ini(`i${k}`, {
      status: pick(['proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] as const), archived: rand() < 0.1,
      capex: Math.floor(rand() * 1000), opex: Math.floor(rand() * 100), effortDays: Math.floor(rand() * 50) / 2, businessUnitId: pick(units),
    }));
    const pairs = new Set<string>();
    const ls: AlignmentLink[] = [];
    while (ls.length < 200) {
      const g = pick(gs).id, i = pick(is).id;
      if (pairs.has(`${g}|${i}`)) continue;
      pairs.add(`${g}|${i}`);
      ls.push(link(g, i, pick(['weak', 'medium', 'strong'] as const)));
    }
    const f = computeAlignment(gs, is, ls);
    expect(f.alignedCount).toBeGreaterThan(0);
    expect(f.orphanCount).toBeGreaterThan(0);
    for (const row of f.byBusinessUnit) {
      const { businessUnitId, ...figures } = row;
      expect(sliceAlignment(f, { businessUnitId })).toMatchObject(figures);
    }
    for (const row of f.byTheme) {
      expect(sliceAlignment(f, { themeId: row.themeId })).toMatchObject({ alignedSpend: row.spend, alignedCount: row.initiativeCount, goalCoveragePct: row.goalCoveragePct });
    }
    // Σ over units = the whole.
    expect(f.byBusinessUnit.reduce((s, u) => s + u.portfolioCount, 0)).toBe(f.portfolioCount);
    expect(f.byBusinessUnit.reduce((s, u) => s + u.unsupportedGoalCount, 0)).toBe(f.unsupportedGoalCount);
    // Order of the input does not matter.
    const shuffled = computeAlignment([...gs].reverse(), [...is].reverse(), [...ls].reverse());
    expect(shuffled.alignedSpendPct).toBeCloseTo(f.alignedSpendPct!, 10);
    expect(shuffled.orphanInitiativeIds).toEqual(f.orphanInitiativeIds);
    expect(shuffled.unsupportedGoalIds).toEqual(f.unsupportedGoalIds);
    expect(rankByStrategicValue(shuffled).map((i) => i.id)).toEqual(rankByStrategicValue(f).map((i) => i.id));
  });
});

describe('API queries', () => {
  it('summary filters take an id or none', () => {
    expect(AlignmentSummaryQuery.parse({})).toEqual({ limit: 50 });
    expect(AlignmentSummaryQuery.parse({ businessUnitId: 'none', limit: '5' })).toEqual({ businessUnitId: 'none', limit: 5 });
    expect(AlignmentSummaryQuery.safeParse({ businessUnitId: 'sales' }).success).toBe(false);
    expect(AlignmentSummaryQuery.safeParse({ limit: '201' }).success).toBe(false);
  });

  it('the matrix caps goals at 100 and initiatives at 200', () => {
    expect(AlignmentMatrixQuery.parse({})).toMatchObject({ goalLimit: 50, initiativeLimit: 100, goalSort: 'weight', initiativeSort: 'links', linkedOnly: false });
    expect(AlignmentMatrixQuery.safeParse({ goalLimit: '101' }).success).toBe(false);
    expect(AlignmentMatrixQuery.safeParse({ initiativeLimit: '201' }).success).toBe(false);
    expect(AlignmentMatrixQuery.parse({ initiativeStatus: 'portfolio', linkedOnly: 'true' })).toMatchObject({ initiativeStatus: 'portfolio', linkedOnly: true });
  });
});
