import { z } from 'zod';
import { Id, IncludeArchived, IsoDate, IsoDateTime, ListQuery, Title } from '../common';

/** Action items: one kind of task any area creates (reviews, meetings, goals, ride-alongs…). */

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type TActionStatus = z.infer<typeof ActionStatus>;
/** Statuses that still need doing: reminded, and shown under "Mine". */
export const OPEN_ACTION_STATUSES = ['open', 'in_progress'] as const satisfies readonly TActionStatus[];

/** The due-date filter buckets of the list. */
export const DUE_BUCKETS = ['overdue', 'this_week', 'later', 'none'] as const;
export const DueBucket = z.enum(DUE_BUCKETS);
export type TDueBucket = z.infer<typeof DueBucket>;

/** How close an item's due date is, relative to a given day (see dueState). */
export type DueState = 'overdue' | 'due_soon' | 'this_week' | 'later' | 'none';

/** Days ahead (after today) that count as "due soon": today, tomorrow and the day after. */
export const DUE_SOON_DAYS = 2;
/** Days ahead (after today) that count as "this week": today and the six days after. */
export const THIS_WEEK_DAYS = 6;

/** `date` plus `days` calendar days (negative to go back), `YYYY-MM-DD` in and out. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Where a due date stands on `today`: before today overdue; today to today + 2 due soon;
 * up to today + 6 this week; after that later; no date none.
 */
export function dueState(dueDate: string | null, today: string): DueState {
  if (!dueDate) return 'none';
  if (dueDate < today) return 'overdue';
  if (dueDate <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  if (dueDate <= addDays(today, THIS_WEEK_DAYS)) return 'this_week';
  return 'later';
}

/**
 * The due dates a list bucket holds on `today`, as inclusive bounds (`none`: no due date).
 * this_week holds the due-soon dates too: today to today + 6.
 */
export function dueBucketRange(bucket: TDueBucket, today: string): { from?: string; to?: string; none?: true } {
  switch (bucket) {
    case 'overdue':
      return { to: addDays(today, -1) };
    case 'this_week':
      return { from: today, to: addDays(today, THIS_WEEK_DAYS) };
    case 'later':
      return { from: addDays(today, THIS_WEEK_DAYS + 1) };
    case 'none':
      return { none: true };
  }
}

/** Where an action item came from: an entity of the workspace, with its title and app path when it still exists. */
export const ActionSource = z.object({
  type: z.string(),
  id: Id,
  /** Null when the entity is gone (or its kind is no longer known). */
  title: z.string().nullable(),
  /** App path below /w/<workspace>; null when the kind is not known. */
  path: z.string().nullable(),
});
export type TActionSource = z.infer<typeof ActionSource>;

export const ActionItem = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  ownerUserId: Id.nullable(),
  /** The owner's name; null without an owner (or when the account is gone). */
  ownerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  status: ActionStatus,
  source: ActionSource.nullable(),
  createdByUserId: Id.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When it was last marked done; null unless done. */
  completedAt: IsoDateTime.nullable(),
  archivedAt: IsoDateTime.nullable(),
});
export type TActionItem = z.infer<typeof ActionItem>;

const Description = z.string().max(5_000, 'must be at most 5,000 characters');
const SourceType = z.string().trim().min(1, 'must not be empty').max(60);

/** Source type and id come together, or not at all. */
function sourceBothOrNeither(v: { sourceType?: string | null; sourceId?: string | null }, ctx: z.RefinementCtx) {
  const hasType = v.sourceType !== undefined && v.sourceType !== null;
  const hasId = v.sourceId !== undefined && v.sourceId !== null;
  if (hasType && !hasId) ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'is required with sourceType' });
  if (hasId && !hasType) ctx.addIssue({ code: 'custom', path: ['sourceType'], message: 'is required with sourceId' });
}

const actionFields = {
  title: Title,
  description: Description,
  ownerUserId: Id.nullable(),
  dueDate: IsoDate.nullable(),
  status: ActionStatus,
  sourceType: SourceType.nullable(),
  sourceId: Id.nullable(),
};

export const CreateActionItem = z
  .object({
    ...actionFields,
    description: Description.default(''),
    ownerUserId: Id.nullable().default(null),
    dueDate: IsoDate.nullable().default(null),
    status: ActionStatus.default('open'),
    sourceType: SourceType.nullable().default(null),
    sourceId: Id.nullable().default(null),
  })
  .superRefine(sourceBothOrNeither);
export type TCreateActionItem = z.infer<typeof CreateActionItem>;
/** What a caller passes to create one (defaults filled in by the schema). */
export type TCreateActionItemInput = z.input<typeof CreateActionItem>;

/** A change; to move or clear the source, give both sourceType and sourceId (null and null clears it). */
export const UpdateActionItem = z.object(actionFields).partial().superRefine(sourceBothOrNeither);
export type TUpdateActionItem = z.infer<typeof UpdateActionItem>;

/** One status or several: `status=open,in_progress` or `status=open&status=in_progress`. */
const StatusList = z.preprocess(
  (v) => (v === undefined ? undefined : [v].flat().flatMap((s) => (typeof s === 'string' ? s.split(',') : ['?'])).map((s) => s.trim()).filter(Boolean)),
  z.array(ActionStatus).min(1).max(ACTION_STATUSES.length).optional(),
);

export const ActionItemListQuery = ListQuery.extend({
  /** A member's user id, `me` (the caller) or `none` (nobody yet). */
  owner: z.union([z.literal('me'), z.literal('none'), Id]).optional(),
  status: StatusList,
  sourceType: SourceType.optional(),
  sourceId: Id.optional(),
  due: DueBucket.optional(),
  q: z.string().trim().max(200).optional(),
  /** `newest` (created, newest first) or `due` (earliest due date first, no date last). */
  sort: z.enum(['newest', 'due']).default('newest'),
  /** The day the due buckets count from (the caller's local date); the server's UTC date by default. */
  today: IsoDate.optional(),
  includeArchived: IncludeArchived,
});
export type TActionItemListQuery = z.infer<typeof ActionItemListQuery>;
