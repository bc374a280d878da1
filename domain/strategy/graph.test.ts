import { describe, expect, it } from 'vitest';
import { computeAlignment } from './alignment';
import { buildAlignmentGraph, type GraphFilter, type GraphGoalInput, type GraphInitiativeInput, type GraphInput } from './graph';
import type { TLinkStrength } from './schemas';

// Ids are readable names here: the builder treats them as opaque strings.
const theme = (id: string, position: number) => ({ id, name: `Theme ${id}`, color: '#1c7ed6', position });
const goal = (id: string, status: GraphGoalInput['status'], weight: number, o: Partial<GraphGoalInput> = {}): GraphGoalInput => ({
  id, title: `Goal ${id}`, status, weight, archived: false, businessUnitId: null, themeId: null, parentGoalId: null, ...o,
});
const ini = (id: string, status: GraphInitiativeInput['status'], o: Partial<GraphInitiativeInput> = {}): GraphInitiativeInput => ({
  id, title: `Initiative ${id}`, status, archived: false, capex: 0, opex: 0, effortDays: 0, businessUnitId: null, ...o,
});
const link = (goalId: string, initiativeId: string, strength: TLinkStrength) => ({ goalId, initiativeId, strength });

function input(themes: GraphInput['themes'], goals: GraphGoalInput[], initiatives: GraphInitiativeInput[], links: GraphInput['links']): GraphInput {
  return { themes, goals, initiatives, links, alignment: computeAlignment(goals, initiatives, links) };
}

/**
 * T1 ← g1 (active, 80, unit A) ← g1a (active, 40, unit B, no theme of its own: T1 through g1)
 * T2 ← g2 (active, 60, unit A; only a proposed initiative serves it: unsupported)
 * T1 ← g3 (draft), T1 ← g4 (active but archived), g5 (active, 30, no theme, unsupported), T3 without goals.
 * i1 in progress → g1 strong, g1a weak; i2 planned (unit B) → g1a medium; i3 planned, unlinked (orphan);
 * i4 proposed → g2; i5 on hold → g3 only (a draft: orphan); i6 done → g1; i7 archived → g5.
 */
const small = () =>
  input(
    [theme('T1', 0), theme('T2', 1), theme('T3', 2)],
    [
      goal('g1', 'active', 80, { themeId: 'T1', businessUnitId: 'A' }),
      goal('g1a', 'active', 40, { parentGoalId: 'g1', businessUnitId: 'B' }),
      goal('g2', 'active', 60, { themeId: 'T2', businessUnitId: 'A' }),
      goal('g3', 'draft', 50, { themeId: 'T1' }),
      goal('g4', 'active', 90, { themeId: 'T1', archived: true }),
      goal('g5', 'active', 30),
    ],
    [
      ini('i1', 'in_progress', { businessUnitId: 'A' }),
      ini('i2', 'planned', { businessUnitId: 'B' }),
      ini('i3', 'planned', { capex: 100 }),
      ini('i4', 'proposed'),
      ini('i5', 'on_hold'),
      ini('i6', 'done'),
      ini('i7', 'planned', { archived: true }),
    ],
    [
      link('g1', 'i1', 'strong'), link('g1a', 'i1', 'weak'), link('g1a', 'i2', 'medium'), link('g2', 'i4', 'strong'),
      link('g3', 'i5', 'medium'), link('g1', 'i6', 'weak'), link('g5', 'i7', 'strong'),
    ],
  );

const ids = (g: ReturnType<typeof buildAlignmentGraph>, kind: string) => g.nodes.filter((n) => n.kind === kind).map((n) => n.id);
const edgeIds = (g: ReturnType<typeof buildAlignmentGraph>) => g.edges.map((e) => e.id).sort();
const node = (g: ReturnType<typeof buildAlignmentGraph>, id: string) => g.nodes.find((n) => n.id === id)!;
const build = (f: GraphFilter = {}) => buildAlignmentGraph(small(), f);

describe('buildAlignmentGraph', () => {
  it('shows active goals and portfolio initiatives by default, with every theme', () => {
    const g = build();
    expect(ids(g, 'theme')).toEqual(['T1', 'T2', 'T3']);
    // Goals by weight, initiatives by strategic value.
    expect(ids(g, 'goal')).toEqual(['g1', 'g2', 'g1a', 'g5']);
    expect(ids(g, 'initiative')).toEqual(['i1', 'i2', 'i3', 'i5']);
    expect(edgeIds(g)).toEqual([
      'l:g1:i1', 'l:g1a:i1', 'l:g1a:i2', 'p:g1:g1a', 't:T1:g1', 't:T2:g2',
    ]);
    expect(g.edges.find((e) => e.id === 'l:g1:i1')).toEqual({ id: 'l:g1:i1', source: 'g1', target: 'i1', kind: 'goal-initiative', strength: 'strong' });
    expect(g.edges.find((e) => e.id === 'p:g1:g1a')).toMatchObject({ source: 'g1', target: 'g1a', kind: 'parent-child', strength: null });
    expect(g.truncated).toBe(false);
    expect(g.hint).toBeNull();
    expect(g.totals).toEqual({ themes: 3, goals: 4, initiatives: 4, edges: 6, orphans: 2, unsupported: 2 });
    expect(g.themes.map((t) => t.id)).toEqual(['T1', 'T2', 'T3']);
  });

  it('flags orphans and unsupported goals and gives strategic values and theme colours', () => {
    const g = build();
    expect(g.nodes.filter((n) => n.flags.orphan).map((n) => n.id).sort()).toEqual(['i3', 'i5']);
    expect(g.nodes.filter((n) => n.flags.unsupported).map((n) => n.id).sort()).toEqual(['g2', 'g5']);
    // Active weight 80 + 40 + 60 + 30 = 210. i1: 100 × (80·3 + 40·1) / (3 · 210) = 28000 / 630
    expect(node(g, 'i1').strategicValue).toBeCloseTo(44.444, 3);
    // i2: 100 × 40·2 / 630
    expect(node(g, 'i2').strategicValue).toBeCloseTo(12.698, 3);
    expect(node(g, 'i3').strategicValue).toBe(0);
    expect(node(g, 'T1')).toMatchObject({ kind: 'theme', title: 'Theme T1', color: '#1c7ed6', status: null, strategicValue: null });
    expect(node(g, 'g1a')).toMatchObject({ themeId: 'T1', color: '#1c7ed6', weight: 40, status: 'active', inactive: false, businessUnitId: 'B' });
    expect(node(g, 'g5')).toMatchObject({ themeId: null, color: null });
  });

  it('adds drafts, proposed, done and cancelled items with includeInactive, never archived ones', () => {
    const g = build({ includeInactive: true });
    expect(ids(g, 'goal').sort()).toEqual(['g1', 'g1a', 'g2', 'g3', 'g5']);
    expect(ids(g, 'initiative').sort()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    expect(node(g, 'g3')).toMatchObject({ inactive: true, flags: { orphan: false, unsupported: false } });
    expect(node(g, 'i4')).toMatchObject({ inactive: true, strategicValue: null, flags: { orphan: false, unsupported: false } });
    // Flags do not change with the filter: i5 serves only a draft, g2 only a proposal.
    expect(node(g, 'i5').flags.orphan).toBe(true);
    expect(node(g, 'g2').flags.unsupported).toBe(true);
    expect(edgeIds(g)).toEqual(expect.arrayContaining(['l:g3:i5', 'l:g2:i4', 'l:g1:i6', 't:T1:g3']));
  });

  it('filters by theme: the goals under it (through their parents too) and the initiatives serving them', () => {
    const g = build({ themeId: 'T1' });
    expect(ids(g, 'theme')).toEqual(['T1']);
    expect(ids(g, 'goal')).toEqual(['g1', 'g1a']);
    expect(ids(g, 'initiative')).toEqual(['i1', 'i2']);
    expect(g.totals).toMatchObject({ goals: 2, initiatives: 2, orphans: 0, unsupported: 0 });
    const empty = build({ themeId: 'T3' });
    expect(empty.nodes.map((n) => n.id)).toEqual(['T3']);
  });

  it('filters by business unit: its goals and initiatives and what they are linked to', () => {
    const g = build({ businessUnitId: 'B' });
    expect(ids(g, 'goal')).toEqual(['g1a']);
    expect(ids(g, 'initiative')).toEqual(['i1', 'i2']);
    expect(ids(g, 'theme')).toEqual(['T1']);
    // g1 is not shown, so g1a hangs from its theme directly.
    expect(edgeIds(g)).toEqual(['l:g1a:i1', 'l:g1a:i2', 't:T1:g1a']);
    // Unit A's i1 also serves g1a (unit B), so g1a shows beside A's own goals.
    const a = build({ businessUnitId: 'A' });
    expect(ids(a, 'goal')).toEqual(['g1', 'g2', 'g1a']);
    expect(ids(a, 'initiative')).toEqual(['i1']);
  });

  it("shows a goal's neighbourhood: parents, children, their initiatives and the other goals those serve", () => {
    const g = build({ goalId: 'g1a' });
    expect(ids(g, 'goal')).toEqual(['g1', 'g1a']);
    expect(ids(g, 'initiative')).toEqual(['i1', 'i2']);
    const top = build({ goalId: 'g1' });
    expect(ids(top, 'goal')).toEqual(['g1', 'g1a']);
    expect(ids(top, 'initiative')).toEqual(['i1', 'i2']);
    // A draft goal asked for is shown even without includeInactive.
    const draft = build({ goalId: 'g3' });
    expect(ids(draft, 'goal')).toEqual(['g3']);
    expect(ids(draft, 'initiative')).toEqual(['i5']);
    expect(ids(draft, 'theme')).toEqual(['T1']);
  });

  it('themes a goal under an archived parent by that parent (given as archivedGoals), and passes over an archived theme', () => {
    const goals = [
      goal('child', 'active', 50, { parentGoalId: 'gone' }),
      goal('stale', 'active', 50, { parentGoalId: 'g1', themeId: 'T-archived' }),
      goal('g1', 'active', 80, { themeId: 'T1' }),
    ];
    const inis = [ini('i1', 'planned')];
    const links = [link('child', 'i1', 'strong'), link('stale', 'i1', 'weak')];
    const base = input([theme('T1', 0), theme('T2', 1)], goals, inis, links);
    const g = buildAlignmentGraph({ ...base, archivedGoals: [{ id: 'gone', parentGoalId: null, themeId: 'T2' }] }, { themeId: 'T2' });
    expect(ids(g, 'goal')).toEqual(['child']);
    expect(node(g, 'child').themeId).toBe('T2');
    const t1 = buildAlignmentGraph({ ...base, archivedGoals: [{ id: 'gone', parentGoalId: null, themeId: 'T2' }] }, { themeId: 'T1' });
    expect(ids(t1, 'goal')).toEqual(['g1', 'stale']);
    expect(node(t1, 'stale').themeId).toBe('T1');
    // Without the archived parent given, the child has no theme.
    expect(node(buildAlignmentGraph(base), 'child').themeId).toBeNull();
  });

  it('combines filters', () => {
    const g = build({ themeId: 'T1', businessUnitId: 'A' });
    expect(ids(g, 'goal')).toEqual(['g1', 'g1a']);
    expect(ids(g, 'theme')).toEqual(['T1']);
    expect(ids(g, 'initiative')).toEqual(['i1']);
  });
});

describe('buildAlignmentGraph on a large workspace', () => {
  // 3 themes; 60 goals (weight 1–60, goal k under theme k % 3, every 10th a child of the previous);
  // 300 initiatives: initiative j linked to goal j % 60 (strong when j < 60), every 7th unlinked.
  const themes = [theme('T0', 0), theme('T1', 1), theme('T2', 2)];
  const goals = Array.from({ length: 60 }, (_, k) =>
    goal(`g${k}`, 'active', k + 1, { themeId: `T${k % 3}`, parentGoalId: k % 10 === 5 ? `g${k - 1}` : null }),
  );
  const initiatives = Array.from({ length: 300 }, (_, j) => ini(`i${j}`, 'planned', { capex: j }));
  const links = initiatives.filter((_, j) => j % 7 !== 0).map((i, n) => link(`g${n % 60}`, i.id, n < 60 ? 'strong' : 'weak'));
  const large = input(themes, goals, initiatives, links);

  it('caps the graph, keeping themes, the heaviest goals and the initiatives serving them', () => {
    const g = buildAlignmentGraph(large, { maxNodes: 50 });
    expect(g.truncated).toBe(true);
    expect(g.nodes.length).toBe(50);
    expect(g.totals).toMatchObject({ themes: 3, goals: 60, initiatives: 300 });
    expect(g.hint).toMatch(/Showing 50 of 363 items/);
    expect(g.maxNodes).toBe(50);
    expect(ids(g, 'theme')).toEqual(['T0', 'T1', 'T2']);
    // 47 places: 40 % (19) to goals, the heaviest ones.
    const kept = ids(g, 'goal');
    expect(kept).toHaveLength(19);
    expect(kept).toEqual(Array.from({ length: 19 }, (_, n) => `g${59 - n}`));
    // Every kept initiative serves a kept goal; edges only between kept nodes.
    const keptSet = new Set(g.nodes.map((n) => n.id));
    for (const i of ids(g, 'initiative')) expect(g.edges.some((e) => e.target === i && keptSet.has(e.source))).toBe(true);
    for (const e of g.edges) expect(keptSet.has(e.source) && keptSet.has(e.target)).toBe(true);
  });

  it('keeps orphans, costliest first, when the kept goals need fewer initiatives than there is room for', () => {
    const g = buildAlignmentGraph(large, { maxNodes: 300 });
    // 297 places, 119 goals' worth: all 60 goals, then 237 initiatives: 257 linked ones do not all fit.
    expect(ids(g, 'goal')).toHaveLength(60);
    expect(ids(g, 'initiative')).toHaveLength(237);
    const onlyOrphans = buildAlignmentGraph(
      input(themes, goals.slice(0, 2), initiatives, links.filter((l) => l.goalId === 'g0' || l.goalId === 'g1')),
      { maxNodes: 30 },
    );
    const orphanNodes = onlyOrphans.nodes.filter((n) => n.flags.orphan);
    expect(orphanNodes.length).toBeGreaterThan(0);
    // Costliest orphans first: initiative capex = its number.
    const costs = orphanNodes.map((n) => Number(n.id.slice(1)));
    expect(Math.min(...costs)).toBeGreaterThan(250);
  });

  it('always keeps the requested goal with its parent and children, even when they weigh little', () => {
    // f (weight 1) under P (weight 1) with five children (weight 1); 40 initiatives serve f and
    // one of 30 heavy goals each, so the neighbourhood holds 30 heavy goals too.
    const heavy = Array.from({ length: 30 }, (_, k) => goal(`h${k}`, 'active', 100));
    const family = [
      goal('P', 'active', 1), goal('f', 'active', 1, { parentGoalId: 'P' }),
      ...Array.from({ length: 5 }, (_, k) => goal(`c${k}`, 'active', 1, { parentGoalId: 'f' })),
    ];
    const inis = Array.from({ length: 40 }, (_, j) => ini(`n${j}`, 'planned'));
    const ls = inis.flatMap((i, j) => [link('f', i.id, 'weak'), link(`h${j % 30}`, i.id, 'strong')]);
    const g = buildAlignmentGraph(input([], [...heavy, ...family], inis, ls), { maxNodes: 20, goalId: 'f' });
    expect(g.truncated).toBe(true);
    expect(g.totals).toMatchObject({ goals: 37, initiatives: 40 });
    expect(g.nodes).toHaveLength(20);
    expect(ids(g, 'goal')).toEqual(expect.arrayContaining(['f', 'P', 'c0', 'c1', 'c2', 'c3', 'c4']));
    expect(g.edges.filter((e) => e.kind === 'parent-child')).toHaveLength(6);
  });

  it('is not cut when it fits', () => {
    const g = buildAlignmentGraph(large, { maxNodes: 1000 });
    expect(g.truncated).toBe(false);
    expect(g.nodes).toHaveLength(363);
  });
});
