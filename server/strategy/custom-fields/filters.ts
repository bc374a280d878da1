import { and, eq, inArray } from 'drizzle-orm';
import { type FieldFilter, filterValue, mergeFilterValues, type FieldRule, type TCustomFieldEntityType } from '../../../domain/strategy/custom-fields';
import type { Queryable } from '../../platform/db/client';
import { invalidField } from '../../platform/http/errors';
import { customFields } from '../tables';

const NOUN = { goal: 'goals', initiative: 'initiatives' } as const;

/**
 * Checks a list query's custom field filters (`<fieldId>:<value>`, see FieldFilterParam) and
 * gives them as one jsonb containment value for customFieldCondition-style `@>` (undefined when
 * there are none). Each field must be a live field of the workspace for `entityType`, each value
 * valid for its field; otherwise 400 at `query.<param>`.
 */
export async function resolveFieldFilters(
  db: Queryable, workspaceId: string, entityType: TCustomFieldEntityType, filters: readonly FieldFilter[], param: string,
): Promise<Record<string, unknown> | undefined> {
  if (filters.length === 0) return undefined;
  const path = `query.${param}`;
  const ids = [...new Set(filters.map((f) => f.fieldId))];
  const rows = await db
    .select({ id: customFields.id, entityType: customFields.entityType, label: customFields.label, type: customFields.type, options: customFields.options, archivedAt: customFields.archivedAt })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, workspaceId), inArray(customFields.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const checked: { field: FieldRule; value: unknown }[] = [];
  for (const f of filters) {
    const row = byId.get(f.fieldId);
    if (!row || row.entityType !== entityType) throw invalidField(path, `${f.fieldId} is not a custom field of ${NOUN[entityType]} in this workspace`);
    if (row.archivedAt) throw invalidField(path, `“${row.label}” is an archived field; restore it to filter on it`);
    const field: FieldRule = { id: row.id, type: row.type, options: row.options, required: false };
    const value = filterValue(field, f.value);
    if (!value.ok) throw invalidField(path, `“${row.label}” ${value.message}`);
    checked.push({ field, value: value.value });
  }
  const merged = mergeFilterValues(checked);
  if (!merged.ok) throw invalidField(path, merged.message);
  return merged.value;
}
