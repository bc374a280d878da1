import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessUnits, teams, users, workspaces } from '../platform/tables';

/** The workspace's vision statement: one per workspace, shown to everyone (the shared vision). */
export const visions = pgTable('visions', {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  statement: text().notNull().default(''),
  mission: text().notNull().default(''),
  /** The horizon the vision looks to, e.g. "2030" (free text). */
  horizon: text().notNull().default(''),
  updatedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Strategic themes (pillars) the goals are grouped under. */
export const themes = pgTable(
  'themes',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** A colour as #rrggbb. */
    color: text().notNull().default('#1c7ed6'),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('themes_name_key').on(t.workspaceId, sql`lower(${t.name})`),
    check('themes_color_check', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);


export const goals = pgTable(
  'goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    businessUnitId: uuid().references(() => businessUnits.id, { onDelete: 'set null' }),
    /** The goal this one contributes to (company goal → business-unit goal); null at the top. */
    parentGoalId: uuid().references((): AnyPgColumn => goals.id, { onDelete: 'set null' }),
    themeId: uuid().references(() => themes.id, { onDelete: 'set null' }),
    weight: integer().notNull().default(50),
    status: text({ enum: ['draft', 'active', 'achieved', 'missed'] }).notNull().default('draft'),
    startDate: date(),
    endDate: date(),
    /** Where an imported goal came from, e.g. "cobit2019:EG01": a template is imported once. */
    templateKey: text(),
    /** Custom field values by field id (see customFields). */
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('goals_parent_idx').on(t.parentGoalId),
    index('goals_theme_idx').on(t.workspaceId, t.themeId),
    uniqueIndex('goals_template_key').on(t.workspaceId, t.templateKey),
    index('goals_workspace_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('goals_workspace_bu_idx').on(t.workspaceId, t.businessUnitId),
    check('goals_weight_check', sql`${t.weight} between 1 and 100`),
    check('goals_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    businessUnitId: uuid().references(() => businessUnits.id, { onDelete: 'set null' }),
    teamId: uuid().references(() => teams.id, { onDelete: 'set null' }),
    kind: text({ enum: ['project', 'programme', 'epic'] }).notNull().default('project'),
    /** The programme (or project) this one is part of. */
    parentInitiativeId: uuid().references((): AnyPgColumn => initiatives.id, { onDelete: 'set null' }),
    riskLevel: text({ enum: ['low', 'medium', 'high', 'critical'] }).notNull().default('low'),
    status: text({ enum: ['proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] }).notNull().default('proposed'),
    startDate: date(),
    endDate: date(),
    capex: numeric({ precision: 14, scale: 2 }).notNull().default('0'),
    opex: numeric({ precision: 14, scale: 2 }).notNull().default('0'),
    effortDays: numeric({ precision: 10, scale: 1 }).notNull().default('0'),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('initiatives_workspace_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('initiatives_parent_idx').on(t.parentInitiativeId),
    index('initiatives_team_idx').on(t.workspaceId, t.teamId),
    index('initiatives_dates_idx').on(t.workspaceId, t.startDate, t.endDate),
    index('initiatives_workspace_bu_idx').on(t.workspaceId, t.businessUnitId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('initiatives_money_check', sql`${t.capex} >= 0 and ${t.opex} >= 0 and ${t.effortDays} >= 0`),
    check('initiatives_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

export const goalLinks = pgTable(
  'goal_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    goalId: uuid().notNull().references(() => goals.id, { onDelete: 'cascade' }),
    initiativeId: uuid().notNull().references(() => initiatives.id, { onDelete: 'cascade' }),
    strength: text({ enum: ['weak', 'medium', 'strong'] }).notNull(),
    rationale: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('goal_links_pair_key').on(t.goalId, t.initiativeId),
    index('goal_links_initiative_idx').on(t.initiativeId),
    index('goal_links_workspace_idx').on(t.workspaceId),
  ],
);

/** Key results of a goal: a measurable outcome from a baseline to a target. */
export const keyResults = pgTable(
  'key_results',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    goalId: uuid().notNull().references(() => goals.id, { onDelete: 'cascade' }),
    /** The metric, e.g. "On-time deliveries". */
    title: text().notNull(),
    unit: text().notNull().default(''),
    /** null: implied by target vs baseline (required when they are equal). */
    direction: text({ enum: ['increase', 'decrease'] }),
    baseline: numeric({ precision: 20, scale: 4 }).notNull(),
    target: numeric({ precision: 20, scale: 4 }).notNull(),
    current: numeric({ precision: 20, scale: 4 }).notNull(),
    weight: integer().notNull().default(1),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('key_results_goal_idx').on(t.goalId, t.position),
    index('key_results_workspace_idx').on(t.workspaceId),
    check('key_results_weight_check', sql`${t.weight} between 1 and 100`),
    check('key_results_direction_check', sql`${t.target} <> ${t.baseline} or ${t.direction} is not null`),
  ],
);

/** A check-in on a key result: the new value with a comment; the history behind its chart. */
export const keyResultCheckins = pgTable(
  'key_result_checkins',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    keyResultId: uuid().notNull().references(() => keyResults.id, { onDelete: 'cascade' }),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    comment: text().notNull().default(''),
    /** How sure the owner is the target will be met, 1–10 (optional). */
    confidence: integer(),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    checkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('key_result_checkins_kr_idx').on(t.keyResultId, t.checkedAt),
    check('key_result_checkins_confidence_check', sql`${t.confidence} is null or ${t.confidence} between 1 and 10`),
  ],
);

/** Milestones of an initiative, shown on the roadmap. */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    initiativeId: uuid().notNull().references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    dueDate: date().notNull(),
    /** The day it was reached; null while open. */
    doneOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('milestones_initiative_idx').on(t.initiativeId, t.dueDate),
    index('milestones_workspace_due_idx').on(t.workspaceId, t.dueDate),
  ],
);

/** "initiative depends on dependsOn": it can start only when dependsOn has finished. */
export const initiativeDependencies = pgTable(
  'initiative_dependencies',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    initiativeId: uuid().notNull().references(() => initiatives.id, { onDelete: 'cascade' }),
    dependsOnId: uuid().notNull().references(() => initiatives.id, { onDelete: 'cascade' }),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('initiative_dependencies_pair_key').on(t.initiativeId, t.dependsOnId),
    index('initiative_dependencies_depends_on_idx').on(t.dependsOnId),
    index('initiative_dependencies_workspace_idx').on(t.workspaceId),
    check('initiative_dependencies_self_check', sql`${t.initiativeId} <> ${t.dependsOnId}`),
  ],
);

/** Business capabilities in a tree, with current and target maturity (1–5). */
export const capabilities = pgTable(
  'capabilities',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => capabilities.id, { onDelete: 'set null' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    currentMaturity: integer(),
    targetMaturity: integer(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('capabilities_workspace_idx').on(t.workspaceId, t.parentId, t.position),
    check('capabilities_maturity_check', sql`(${t.currentMaturity} is null or ${t.currentMaturity} between 1 and 5) and (${t.targetMaturity} is null or ${t.targetMaturity} between 1 and 5)`),
  ],
);

/** A capability linked to a goal it serves or an initiative that builds it (exactly one of the two). */
export const capabilityLinks = pgTable(
  'capability_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    capabilityId: uuid().notNull().references(() => capabilities.id, { onDelete: 'cascade' }),
    goalId: uuid().references(() => goals.id, { onDelete: 'cascade' }),
    initiativeId: uuid().references(() => initiatives.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('capability_links_goal_key').on(t.capabilityId, t.goalId),
    uniqueIndex('capability_links_initiative_key').on(t.capabilityId, t.initiativeId),
    index('capability_links_workspace_idx').on(t.workspaceId),
    index('capability_links_goal_idx').on(t.goalId),
    index('capability_links_initiative_idx').on(t.initiativeId),
    check('capability_links_one_end_check', sql`(${t.goalId} is null) <> (${t.initiativeId} is null)`),
  ],
);

/** A read-only link to the roadmap for people without an account; revocable. */
export const roadmapShares = pgTable(
  'roadmap_shares',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** SHA-256 of the link's secret; the secret itself is shown once. */
    tokenHash: text().notNull(),
    /** The roadmap view the link shows (zoom, swimlanes, filters). */
    view: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastViewedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('roadmap_shares_token_key').on(t.tokenHash), index('roadmap_shares_workspace_idx').on(t.workspaceId)],
);

/** A custom field on goals or initiatives; values live in the item's customFields by field id. */
export const customFields = pgTable(
  'custom_fields',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text({ enum: ['goal', 'initiative'] }).notNull(),
    label: text().notNull(),
    type: text({ enum: ['text', 'number', 'date', 'single_choice', 'multi_choice', 'user'] }).notNull(),
    /** The choices of a single or multiple choice field. */
    options: jsonb().$type<string[]>().notNull().default([]),
    required: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('custom_fields_label_key').on(t.workspaceId, t.entityType, sql`lower(${t.label})`)],
);
