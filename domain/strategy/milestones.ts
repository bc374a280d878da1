import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, Title } from '../common';

/** A milestone of an initiative: a dated step, done on a day or still open. */
export const Milestone = z.object({
  id: Id,
  initiativeId: Id,
  title: z.string(),
  description: z.string(),
  dueDate: IsoDate,
  /** The day it was reached; null while open. */
  doneOn: IsoDate.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TMilestone = z.infer<typeof Milestone>;

export const CreateMilestone = z.object({
  title: Title,
  description: LongText.default(''),
  dueDate: IsoDate,
  doneOn: IsoDate.nullable().default(null),
});
export type TCreateMilestone = z.infer<typeof CreateMilestone>;

export const UpdateMilestone = z.object({
  title: Title.optional(),
  description: LongText.optional(),
  dueDate: IsoDate.optional(),
  doneOn: IsoDate.nullable().optional(),
});
export type TUpdateMilestone = z.infer<typeof UpdateMilestone>;

/** An initiative's dates; either may be open. */
export interface DateSpan {
  startDate: string | null;
  endDate: string | null;
}

/**
 * Why a milestone due on `dueDate` does not fit the initiative's dates, or null when it does:
 * on or after the start when there is one, on or before the end when there is one.
 */
export function dueDateProblem(dueDate: string, span: DateSpan): string | null {
  if (span.startDate && dueDate < span.startDate) return `must be on or after the initiative's start, ${span.startDate}`;
  if (span.endDate && dueDate > span.endDate) return `must be on or before the initiative's end, ${span.endDate}`;
  return null;
}

/** The milestones that would fall outside the initiative's dates `span`. */
export function milestonesOutside<M extends { dueDate: string }>(milestones: readonly M[], span: DateSpan): M[] {
  return milestones.filter((m) => dueDateProblem(m.dueDate, span) !== null);
}

/** A calendar date plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How many days an update moves an initiative as a whole: both dates were set, both are given,
 * and both shift by the same number of days (not zero). Milestones then move along; any other
 * date change (a resize, setting or clearing a date) moves none and must keep them inside.
 */
export function wholeMove(before: DateSpan, patch: Partial<DateSpan>): number | null {
  if (!before.startDate || !before.endDate || !patch.startDate || !patch.endDate) return null;
  const a = daysBetween(before.startDate, patch.startDate);
  const b = daysBetween(before.endDate, patch.endDate);
  return a === b && a !== 0 ? a : null;
}
