import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessUnits, users, workspaces } from '../platform/tables';

export const goals = pgTable(
  'goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    businessUnitId: uuid().references(() => businessUnits.id, { onDelete: 'set null' }),
    weight: integer().notNull().default(50),
    status: text({ enum: ['draft', 'active', 'achieved', 'missed'] }).notNull().default('draft'),
    startDate: date(),
    endDate: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
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
    status: text({ enum: ['proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] }).notNull().default('proposed'),
    startDate: date(),
    endDate: date(),
    capex: numeric({ precision: 14, scale: 2 }).notNull().default('0'),
    opex: numeric({ precision: 14, scale: 2 }).notNull().default('0'),
    effortDays: numeric({ precision: 10, scale: 1 }).notNull().default('0'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('initiatives_workspace_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
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
