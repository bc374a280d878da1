import { z } from 'zod';
import { Id, IncludeArchived, IsoDate, IsoDateTime, ListQuery, LongText, Money, Title } from '../common';
import { FieldFilterParam } from './custom-fields';
import { Milestone } from './milestones';
import { KeyResult } from './key-results';

export const GOAL_STATUSES = ['draft', 'active', 'achieved', 'missed'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export const INITIATIVE_KINDS = ['project', 'programme', 'epic'] as const;
export const InitiativeKind = z.enum(INITIATIVE_KINDS);
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
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
  /** The goal this one contributes to (company goal → business-unit goal); null at the top. */
  parentGoalId: Id.nullable(),
  themeId: Id.nullable(),
  weight: z.number().int(),
  status: GoalStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  linkCount: z.number().int(),
  /** Weighted mean progress of the live key results (0–1); null without any (domain/strategy/progress.ts). */
  progress: z.number().min(0).max(1).nullable(),
  /** Live key results. */
  keyResultCount: z.number().int(),
  /** Live goals with this one as their parent. */
  childCount: z.number().int(),
  /** Custom field values by field id (domain/strategy/custom-fields.ts). */
  customFields: z.record(z.string(), z.unknown()),
});
export type TGoal = z.infer<typeof Goal>;

const goalFields = {
  title: Title,
  description: LongText,
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  /** A live goal of the workspace, neither this goal nor one below it. */
  parentGoalId: Id.nullable(),
  /** A live theme of the workspace. */
  themeId: Id.nullable(),
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
    parentGoalId: Id.nullable().default(null),
    themeId: Id.nullable().default(null),
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
  kind: InitiativeKind,
  teamId: Id.nullable(),
  /** The programme (or project) this one is part of. */
  parentInitiativeId: Id.nullable(),
  riskLevel: RiskLevel,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  capex: z.number(),
  opex: z.number(),
  effortDays: z.number(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  linkCount: z.number().int(),
  milestoneCount: z.number().int(),
  /** Initiatives this one depends on (they must end before it starts). */
  dependsOnCount: z.number().int(),
  /** Initiatives that depend on this one. */
  dependentCount: z.number().int(),
  /** Custom field values by field id (domain/strategy/custom-fields.ts). */
  customFields: z.record(z.string(), z.unknown()),
});
export type TInitiative = z.infer<typeof Initiative>;

const initiativeFields = {
  title: Title,
  description: LongText,
  ownerUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  status: InitiativeStatus,
  kind: InitiativeKind,
  teamId: Id.nullable(),
  parentInitiativeId: Id.nullable(),
  riskLevel: RiskLevel,
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
    kind: InitiativeKind.default('project'),
    teamId: Id.nullable().default(null),
    parentInitiativeId: Id.nullable().default(null),
    riskLevel: RiskLevel.default('low'),
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
  themeId: Id.optional(),
  /** The children of one goal, or `none` for the top-level goals. */
  parentGoalId: z.union([Id, z.literal('none')]).optional(),
  /** `true`: the top-level goals only (the same as parentGoalId=none). */
  topLevel: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().trim().max(200).optional(),
  includeArchived: IncludeArchived,
  field: FieldFilterParam.describe('custom field filter `<fieldId>:<value>`, repeatable (all must match)'),
});
export const InitiativeListQuery = ListQuery.extend({
  status: InitiativeStatus.optional(),
  kind: InitiativeKind.optional(),
  teamId: Id.optional(),
  riskLevel: RiskLevel.optional(),
  businessUnitId: Id.optional(),
  ownerUserId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  includeArchived: IncludeArchived,
  field: FieldFilterParam.describe('custom field filter `<fieldId>:<value>`, repeatable (all must match)'),
});
export const GoalLinkListQuery = ListQuery.extend({ goalId: Id.optional(), initiativeId: Id.optional() });

/** A goal as one line of another goal's page: its parent or one of its children. */
export const GoalSummary = z.object({ id: Id, title: z.string(), status: GoalStatus, progress: z.number().min(0).max(1).nullable(), archivedAt: IsoDateTime.nullable() });
export type TGoalSummary = z.infer<typeof GoalSummary>;
/** A goal with the initiatives linked to it, its live key results, its parent and its live children. */
export const GoalDetail = Goal.extend({
  links: z.array(GoalLink),
  keyResults: z.array(KeyResult),
  parent: GoalSummary.nullable(),
  children: z.array(GoalSummary),
});
export type TGoalDetail = z.infer<typeof GoalDetail>;
/** The other end of a dependency, as an initiative's page lists it. */
export const DependencyEnd = z.object({
  dependencyId: Id,
  /** The other initiative. */
  id: Id,
  title: z.string(),
  status: InitiativeStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  archived: z.boolean(),
  note: z.string(),
});
export type TDependencyEnd = z.infer<typeof DependencyEnd>;
/** An initiative with the goals it serves, its milestones and its dependencies both ways. */
export const InitiativeDetail = Initiative.extend({
  links: z.array(GoalLink),
  milestones: z.array(Milestone),
  /** What this initiative depends on (its prerequisites). */
  dependsOn: z.array(DependencyEnd),
  /** What depends on this initiative. */
  dependents: z.array(DependencyEnd),
});
export type TInitiativeDetail = z.infer<typeof InitiativeDetail>;
