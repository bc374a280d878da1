import { describe, expect, it } from 'vitest';
import { directionProblem, goalProgress, keyResultProgress, themeProgress } from './progress';

const kr = (baseline: number, target: number, current: number, direction: 'increase' | 'decrease' | null = null) => ({ baseline, target, current, direction });

describe('keyResultProgress', () => {
  it('is the share of the way from baseline to target (increase)', () => {
    // On-time deliveries 80 % → 95 %, now 86 %: (86 − 80)/(95 − 80) = 6/15 = 0.4
    expect(keyResultProgress(kr(80, 95, 86))).toBeCloseTo(0.4, 12);
    expect(keyResultProgress(kr(80, 95, 80))).toBe(0);
    expect(keyResultProgress(kr(80, 95, 95))).toBe(1);
  });

  it('works the same way for a decrease', () => {
    // Lead time 10 days → 6 days, now 9 days: (9 − 10)/(6 − 10) = −1/−4 = 0.25
    expect(keyResultProgress(kr(10, 6, 9, 'decrease'))).toBeCloseTo(0.25, 12);
    // now 7 days: (7 − 10)/(6 − 10) = 0.75
    expect(keyResultProgress(kr(10, 6, 7))).toBeCloseTo(0.75, 12);
  });

  it('is clamped to 1 on overshoot and to 0 below the baseline', () => {
    expect(keyResultProgress(kr(80, 95, 99))).toBe(1);
    expect(keyResultProgress(kr(10, 6, 4, 'decrease'))).toBe(1);
    expect(keyResultProgress(kr(80, 95, 70))).toBe(0);
    expect(keyResultProgress(kr(10, 6, 12, 'decrease'))).toBe(0);
  });

  it('with target = baseline is 1 when met in the direction, else 0', () => {
    // Keep availability at least 99.9
    expect(keyResultProgress(kr(99.9, 99.9, 99.9, 'increase'))).toBe(1);
    expect(keyResultProgress(kr(99.9, 99.9, 99.95, 'increase'))).toBe(1);
    expect(keyResultProgress(kr(99.9, 99.9, 99.8, 'increase'))).toBe(0);
    // Keep incidents at most 5
    expect(keyResultProgress(kr(5, 5, 5, 'decrease'))).toBe(1);
    expect(keyResultProgress(kr(5, 5, 3, 'decrease'))).toBe(1);
    expect(keyResultProgress(kr(5, 5, 6, 'decrease'))).toBe(0);
    // Without a direction (refused by validation) only the exact target counts
    expect(keyResultProgress(kr(5, 5, 5))).toBe(1);
    expect(keyResultProgress(kr(5, 5, 4))).toBe(0);
  });

  it('handles negative and fractional values', () => {
    // Margin −2 % → +3 %, now +0.5 %: 2.5/5 = 0.5
    expect(keyResultProgress(kr(-2, 3, 0.5))).toBeCloseTo(0.5, 12);
  });
});

describe('goalProgress', () => {
  it('is the weighted mean of the key results’ progress', () => {
    // 0.4 × 3 + 0.25 × 1 = 1.45; / 4 = 0.3625
    expect(goalProgress([{ ...kr(80, 95, 86), weight: 3 }, { ...kr(10, 6, 9), weight: 1 }])).toBeCloseTo(0.3625, 12);
    // equal weights: (1 + 0) / 2
    expect(goalProgress([{ ...kr(0, 10, 20), weight: 5 }, { ...kr(0, 10, -5), weight: 5 }])).toBe(0.5);
  });

  it('leaves archived key results out and is null without live ones', () => {
    const live = { ...kr(0, 10, 5), weight: 1 };
    const archived = { ...kr(0, 10, 10), weight: 99, archivedAt: '2026-01-01T00:00:00Z' };
    expect(goalProgress([live, archived])).toBe(0.5);
    expect(goalProgress([archived])).toBeNull();
    expect(goalProgress([])).toBeNull();
  });
});

describe('themeProgress', () => {
  it('weights goals by their weight and skips goals without key results', () => {
    // (80 × 0.5 + 20 × 1) / 100 = 0.6
    expect(themeProgress([{ weight: 80, progress: 0.5 }, { weight: 20, progress: 1 }, { weight: 50, progress: null }])).toBeCloseTo(0.6, 12);
    expect(themeProgress([{ weight: 50, progress: null }])).toBeNull();
    expect(themeProgress([])).toBeNull();
  });
});

describe('directionProblem', () => {
  it('needs a direction when target equals baseline', () => {
    expect(directionProblem(5, 5, null)).toBe('needed when target equals baseline');
    expect(directionProblem(5, 5, 'increase')).toBeNull();
    expect(directionProblem(5, 5, 'decrease')).toBeNull();
  });

  it('refuses a direction that contradicts baseline and target', () => {
    expect(directionProblem(10, 5, 'increase')).toMatch(/below the baseline/);
    expect(directionProblem(5, 10, 'decrease')).toMatch(/above the baseline/);
    expect(directionProblem(5, 10, 'increase')).toBeNull();
    expect(directionProblem(10, 5, 'decrease')).toBeNull();
    expect(directionProblem(10, 5, null)).toBeNull();
  });
});
