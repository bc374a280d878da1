import { z } from 'zod';
import { Id, IncludeArchived, IsoDate, IsoDateTime, ListQuery, LongText, Money, Title } from '../common';

export const GOAL_STATUSES = ['draft', 'active', 'achieved', 'missed'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export const LINK_STRENGTHS = ['weak', 'medium', 'strong'] as const;
export const LinkStrength = z.enum(LINK_STRENGTHS);
export type TLinkStrength = z.infer<typeof LinkStrength>;

const Weight = z.number().int().min(1).max(100);
const Effort = z.number().min(0).max(1_000_000).multipleOf(0.1);

/** start ≤ end when both are given. */
function datesInOrder<T extends { startDate?: string | null; endDate?: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
  }
}

export const Goal = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  weight: z.number().int(),
  status: GoalStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  linkCount: z.number().int(),
});
export type TGoal = z.infer<typeof Goal>;

const goalFields = {
  title: Title,
  description: LongText,
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  weight: Weight,
  status: GoalStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
};
export const CreateGoal = z
  .object({
    ...goalFields,
    description: LongText.default(''),
    ownerUserId: Id.nullable().default(null),
    businessUnitId: Id.nullable().default(null),
    weight: Weight.default(50),
    status: GoalStatus.default('draft'),
    startDate: IsoDate.nullable().default(null),
    endDate: IsoDate.nullable().default(null),
  })
  .superRefine(datesInOrder);
export type TCreateGoal = z.infer<typeof CreateGoal>;
export const UpdateGoal = z.object(goalFields).partial().superRefine(datesInOrder);
export type TUpdateGoal = z.infer<typeof UpdateGoal>;

export const Initiative = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  status: InitiativeStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  capex: z.number(),
  opex: z.number(),
  effortDays: z.number(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  linkCount: z.number().int(),
});
export type TInitiative = z.infer<typeof Initiative>;

const initiativeFields = {
  title: Title,
  description: LongText,
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  status: InitiativeStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  capex: Money,
  opex: Money,
  effortDays: Effort,
};
export const CreateInitiative = z
  .object({
    ...initiativeFields,
    description: LongText.default(''),
    ownerUserId: Id.nullable().default(null),
    businessUnitId: Id.nullable().default(null),
    status: InitiativeStatus.default('proposed'),
    startDate: IsoDate.nullable().default(null),
    endDate: IsoDate.nullable().default(null),
    capex: Money.default(0),
    opex: Money.default(0),
    effortDays: Effort.default(0),
  })
  .superRefine(datesInOrder);
export type TCreateInitiative = z.infer<typeof CreateInitiative>;
export const UpdateInitiative = z.object(initiativeFields).partial().superRefine(datesInOrder);
export type TUpdateInitiative = z.infer<typeof UpdateInitiative>;

/** A goal ↔ initiative link, with the titles of both ends for display. */
export const GoalLink = z.object({
  id: Id,
  goalId: Id,
  goalTitle: z.string(),
  initiativeId: Id,
  initiativeTitle: z.string(),
  strength: LinkStrength,
  rationale: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TGoalLink = z.infer<typeof GoalLink>;
export const CreateGoalLink = z.object({
  goalId: Id,
  initiativeId: Id,
  strength: LinkStrength,
  rationale: z.string().trim().max(300).default(''),
});
export const UpdateGoalLink = z.object({ strength: LinkStrength.optional(), rationale: z.string().trim().max(300).optional() });

export const GoalListQuery = ListQuery.extend({
  status: GoalStatus.optional(),
  businessUnitId: Id.optional(),
  ownerUserId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  includeArchived: IncludeArchived,
});
export const InitiativeListQuery = ListQuery.extend({
  status: InitiativeStatus.optional(),
  businessUnitId: Id.optional(),
  ownerUserId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  includeArchived: IncludeArchived,
});
export const GoalLinkListQuery = ListQuery.extend({ goalId: Id.optional(), initiativeId: Id.optional() });

/** A goal with the initiatives linked to it. */
export const GoalDetail = Goal.extend({ links: z.array(GoalLink) });
export type TGoalDetail = z.infer<typeof GoalDetail>;
/** An initiative with the goals it serves. */
export const InitiativeDetail = Initiative.extend({ links: z.array(GoalLink) });
export type TInitiativeDetail = z.infer<typeof InitiativeDetail>;
