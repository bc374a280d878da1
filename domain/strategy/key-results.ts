import { z } from 'zod';
import { Id, IncludeArchived, IsoDateTime, Title } from '../common';
import { directionProblem } from './progress';

export const KR_DIRECTIONS = ['increase', 'decrease'] as const;
export const KrDirection = z.enum(KR_DIRECTIONS);

/** A measured value: finite, within ±1e12, kept to 4 decimals (as stored). */
export const KrValue = z
  .number()
  .min(-1e12)
  .max(1e12)
  .transform((v) => Math.round(v * 1e4) / 1e4);
const KrWeight = z.number().int().min(1, 'must be at least 1').max(100);
const Position = z.number().int().min(0).max(100_000);
const Unit = z.string().trim().max(30);

/** A key result of a goal, with its progress (0–1, see domain/strategy/progress.ts). */
export const KeyResult = z.object({
  id: Id,
  goalId: Id,
  title: z.string(),
  unit: z.string(),
  direction: KrDirection.nullable(),
  baseline: z.number(),
  target: z.number(),
  current: z.number(),
  weight: z.number().int(),
  ownerUserId: Id.nullable(),
  position: z.number().int(),
  progress: z.number().min(0).max(1),
  /** When the last check-in was recorded; null without one. */
  lastCheckInAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type TKeyResult = z.infer<typeof KeyResult>;

/** Direction, required when target equals baseline and never against the way from baseline to target. */
function directionAgrees(v: { baseline: number; target: number; direction?: 'increase' | 'decrease' | null }, ctx: z.RefinementCtx) {
  const problem = directionProblem(v.baseline, v.target, v.direction ?? null);
  if (problem) ctx.addIssue({ code: 'custom', path: ['direction'], message: problem });
}

export const CreateKeyResult = z
  .object({
    title: Title,
    unit: Unit.default(''),
    direction: KrDirection.nullable().default(null),
    baseline: KrValue,
    target: KrValue,
    /** Left out: the baseline. */
    current: KrValue.optional(),
    weight: KrWeight.default(1),
    ownerUserId: Id.nullable().default(null),
    /** Left out: after the goal's last key result. */
    position: Position.optional(),
  })
  .superRefine(directionAgrees);
export type TCreateKeyResult = z.infer<typeof CreateKeyResult>;

/**
 * Edits a key result. The current value changes through check-ins only (so its history is
 * complete); direction, baseline and target are checked together with the stored values.
 */
export const UpdateKeyResult = z
  .object({
    title: Title,
    unit: Unit,
    direction: KrDirection.nullable(),
    baseline: KrValue,
    target: KrValue,
    weight: KrWeight,
    ownerUserId: Id.nullable(),
    position: Position,
  })
  .partial();
export type TUpdateKeyResult = z.infer<typeof UpdateKeyResult>;

export const KeyResultListQuery = z.object({ includeArchived: IncludeArchived });

/** A check-in: the value recorded with a comment and how confident the owner is. */
export const CheckIn = z.object({
  id: Id,
  keyResultId: Id,
  value: z.number(),
  comment: z.string(),
  confidence: z.number().int().min(1).max(10).nullable(),
  authorUserId: Id.nullable(),
  checkedAt: IsoDateTime,
});
export type TCheckIn = z.infer<typeof CheckIn>;

export const CreateCheckIn = z.object({
  value: KrValue,
  comment: z.string().trim().max(2_000).default(''),
  confidence: z.number().int().min(1).max(10).nullable().default(null),
});
export type TCreateCheckIn = z.infer<typeof CreateCheckIn>;
