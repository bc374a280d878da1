/**
 * Progress of key results, goals and themes, exactly as DESIGN.md (Alignment) defines it.
 * Pure functions: the API and the app compute every progress figure here.
 */

export type Direction = 'increase' | 'decrease';

/** What progress needs of a key result. */
export interface ProgressInput {
  baseline: number;
  target: number;
  current: number;
  direction: Direction | null;
}

/** What goal progress needs of a key result: its progress inputs, weight and whether it is archived. */
export interface WeightedKeyResult extends ProgressInput {
  weight: number;
  archivedAt?: string | Date | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Key-result progress, 0–1: clamp((current − baseline)/(target − baseline), 0, 1). When
 * target = baseline: 1 if the current value meets the target in the KR's direction (at least
 * the target when increasing, at most it when decreasing), else 0. (Validation requires a
 * direction in that case; without one only hitting the target exactly counts as met.)
 */
export function keyResultProgress(kr: ProgressInput): number {
  const { baseline, target, current, direction } = kr;
  if (target === baseline) {
    if (direction === 'increase') return current >= target ? 1 : 0;
    if (direction === 'decrease') return current <= target ? 1 : 0;
    return current === target ? 1 : 0;
  }
  return clamp01((current - baseline) / (target - baseline));
}

/**
 * Goal progress, 0–1: the weighted mean of its key results' progress (weights 1–100).
 * Archived key results are left out; a goal without live key results has no progress (null).
 */
export function goalProgress(krs: readonly WeightedKeyResult[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const kr of krs) {
    if (kr.archivedAt) continue;
    sum += kr.weight * keyResultProgress(kr);
    weights += kr.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * Theme progress, 0–1: the mean of its live goals' progress weighted by goal weight (1–100),
 * over the goals that have a progress (at least one key result); null when none has.
 */
export function themeProgress(goals: readonly { weight: number; progress: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const g of goals) {
    if (g.progress === null) continue;
    sum += g.weight * g.progress;
    weights += g.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * What is wrong with a key result's direction given its baseline and target, or null when
 * nothing is: a direction is needed when target equals baseline, and a given direction must
 * agree with the way from baseline to target.
 */
export function directionProblem(baseline: number, target: number, direction: Direction | null): string | null {
  if (target === baseline) return direction ? null : 'needed when target equals baseline';
  if (direction === 'increase' && target < baseline) return 'is increase, but the target is below the baseline';
  if (direction === 'decrease' && target > baseline) return 'is decrease, but the target is above the baseline';
  return null;
}
