import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { goals, initiatives } from '../tables';

/** The tables that hold custom field values (by field id, in `custom_fields`). */
export type CustomFieldTable = typeof goals | typeof initiatives;

export function tableOf(entityType: 'goal' | 'initiative'): CustomFieldTable {
  return entityType === 'goal' ? goals : initiatives;
}

/**
 * A filter on a custom field's value, for list queries: the item's values contain
 * `{ [fieldId]: value }` (jsonb containment, `@>`). Pass the value as stored: a string, number
 * or date string for single values; for a multiple choice field an array of options, which
 * matches items having at least all of them (`['Road']` finds every item with Road among its
 * choices). The value travels as a query parameter, never as SQL text.
 */
export function customFieldCondition(table: CustomFieldTable, fieldId: string, value: unknown): SQL {
  return sql`${table.customFields} @> ${JSON.stringify({ [fieldId]: value })}::jsonb`;
}

/** Whether any item of the workspace (archived ones included) has a value for the field. */
export async function fieldHasValues(db: Queryable, workspaceId: string, table: CustomFieldTable, fieldId: string, value?: unknown): Promise<boolean> {
  const has = value === undefined ? sql`(${table.customFields} -> ${fieldId}) is not null` : customFieldCondition(table, fieldId, value);
  const rows = await db.select({ one: sql<number>`1` }).from(table).where(and(eq(table.workspaceId, workspaceId), has)).limit(1);
  return rows.length > 0;
}
