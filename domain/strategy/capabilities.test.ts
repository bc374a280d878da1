import { describe, expect, it } from 'vitest';
import {
  capabilityGap, type CapabilityNode, CreateCapability, CreateCapabilityLink, gapBand, orderCapabilityTree, rollUpCapabilities, wouldCreateCycle,
} from './capabilities';

const node = (id: string, parentId: string | null, current: number | null, target: number | null, position = 0, name = id): CapabilityNode =>
  ({ id, parentId, name, position, currentMaturity: current, targetMaturity: target });

describe('capability gap', () => {
  it('is target minus current, null when either is unknown', () => {
    expect(capabilityGap(2, 4)).toBe(2);
    expect(capabilityGap(4, 4)).toBe(0);
    expect(capabilityGap(5, 3)).toBe(-2);
    expect(capabilityGap(null, 4)).toBeNull();
    expect(capabilityGap(3, null)).toBeNull();
  });

  it('falls into the heat-map bands', () => {
    expect([-2, 0, 1, 2, 3, 4, null].map(gapBand)).toEqual(['met', 'met', 'one', 'two', 'three_plus', 'three_plus', 'unknown']);
  });
});

describe('roll-up', () => {
  it('takes the largest gap and the mean maturities of the children', () => {
    // Warehousing: picking 2 → 4 (gap 2), slotting 3 → 3 (gap 0), returns 1 → 5 (gap 4).
    const r = rollUpCapabilities([
      node('wh', null, 3, 3), node('pick', 'wh', 2, 4), node('slot', 'wh', 3, 3), node('ret', 'wh', 1, 5),
    ]);
    expect(r.get('wh')).toEqual({ currentMaturity: 2, targetMaturity: 4, gap: 4, childCount: 3 });
    expect(r.has('pick')).toBe(false);
  });

  it('leaves unknown values out, and is null when nothing below is known', () => {
    const r = rollUpCapabilities([
      node('a', null, null, null), node('b', 'a', 2, null), node('c', 'a', 4, 5),
      node('x', null, null, null), node('y', 'x', null, null),
    ]);
    // current: mean(2, 4) = 3; target: only c's 5; gap: only c's 1.
    expect(r.get('a')).toEqual({ currentMaturity: 3, targetMaturity: 5, gap: 1, childCount: 2 });
    expect(r.get('x')).toEqual({ currentMaturity: null, targetMaturity: null, gap: null, childCount: 1 });
  });

  it('rolls up level by level, each child counting once', () => {
    // root ─ a (leaf 1 → 2) ─ b ─ b1 (1 → 5), b2 (3 → 3), b3 (2 → 2)
    const r = rollUpCapabilities([
      node('root', null, null, null), node('a', 'root', 1, 2), node('b', 'root', 5, 5),
      node('b1', 'b', 1, 5), node('b2', 'b', 3, 3), node('b3', 'b', 2, 2),
    ]);
    // b: current mean(1,3,2) = 2, target mean(5,3,2) = 10/3, gap max(4,0,0) = 4 (its own 5 → 5 is not used).
    expect(r.get('b')!.currentMaturity).toBe(2);
    expect(r.get('b')!.targetMaturity).toBeCloseTo(10 / 3, 10);
    expect(r.get('b')!.gap).toBe(4);
    // root: current mean(1, 2) = 1.5, target mean(2, 10/3) = 8/3, gap max(1, 4) = 4.
    expect(r.get('root')!.currentMaturity).toBe(1.5);
    expect(r.get('root')!.targetMaturity).toBeCloseTo(8 / 3, 10);
    expect(r.get('root')!.gap).toBe(4);
  });

  it('keeps a negative gap (beyond target) when it is the largest there is', () => {
    expect(rollUpCapabilities([node('p', null, null, null), node('c', 'p', 5, 3)]).get('p')!.gap).toBe(-2);
  });

  it('does not loop on a cycle', () => {
    const r = rollUpCapabilities([node('a', 'b', 1, 2), node('b', 'a', 2, 4)]);
    expect(r.size).toBeLessThanOrEqual(2);
  });
});

describe('tree order', () => {
  it('lists depth first, siblings by position then name, with depths', () => {
    const out = orderCapabilityTree([
      node('c2', 'r2', null, null, 0, 'Zeta'),
      node('r2', null, null, null, 1, 'Warehousing'),
      node('r1', null, null, null, 0, 'Transport'),
      node('c1', 'r2', null, null, 0, 'Alpha'),
      node('c0', 'r1', null, null, 5, 'Routing'),
      node('g', 'c1', null, null, 0, 'Grandchild'),
    ]);
    expect(out.map((n) => `${n.depth}:${n.name}`)).toEqual(['0:Transport', '1:Routing', '0:Warehousing', '1:Alpha', '2:Grandchild', '1:Zeta']);
  });

  it('treats a node whose parent is missing (e.g. archived) as a root', () => {
    expect(orderCapabilityTree([node('x', 'gone', null, null)]).map((n) => n.depth)).toEqual([0]);
  });
});

describe('cycles', () => {
  const parents = new Map<string, string | null>([['a', null], ['b', 'a'], ['c', 'b'], ['d', null]]);
  it('refuses itself and its descendants as parent', () => {
    expect(wouldCreateCycle(parents, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(parents, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(parents, 'b', 'c')).toBe(true);
  });
  it('allows another branch, an ancestor or no parent', () => {
    expect(wouldCreateCycle(parents, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(parents, 'b', 'd')).toBe(false);
    expect(wouldCreateCycle(parents, 'b', null)).toBe(false);
  });
});

describe('contract', () => {
  it('takes maturities 1–5 or null only', () => {
    expect(CreateCapability.safeParse({ name: 'Fleet', currentMaturity: 0 }).success).toBe(false);
    expect(CreateCapability.safeParse({ name: 'Fleet', targetMaturity: 6 }).success).toBe(false);
    expect(CreateCapability.safeParse({ name: 'Fleet', targetMaturity: 2.5 }).success).toBe(false);
    expect(CreateCapability.parse({ name: ' Fleet ', currentMaturity: 1, targetMaturity: null })).toMatchObject({ name: 'Fleet', currentMaturity: 1, targetMaturity: null });
  });

  it('links to exactly one of goal and initiative', () => {
    const id = '6f1c2b4e-8a52-4d2c-9a6e-0c6b1f7f2a10';
    expect(CreateCapabilityLink.safeParse({ goalId: id }).success).toBe(true);
    expect(CreateCapabilityLink.safeParse({ initiativeId: id }).success).toBe(true);
    expect(CreateCapabilityLink.safeParse({}).error?.issues[0]?.path).toEqual(['goalId']);
    expect(CreateCapabilityLink.safeParse({ goalId: id, initiativeId: id }).error?.issues[0]?.path).toEqual(['initiativeId']);
  });
});
