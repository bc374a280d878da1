import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import {
  applyCustomFieldValues, type FieldRule, isChoiceType, optionsProblem,
  type TCreateCustomField, type TCustomField, type TCustomFieldEntityType, type TCustomFieldValues, type TUpdateCustomField,
} from '../../../domain/strategy/custom-fields';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { conflict, invalidField, invalidFields, notFound } from '../../platform/http/errors';
import { assertArchiveChange, assertEditable, changedFields } from '../../platform/lifecycle';
import { assertMembers } from '../../platform/members/references';
import { customFields } from '../tables';
import { fieldHasValues, tableOf } from './conditions';

type Row = typeof customFields.$inferSelect;

function present(r: Row): TCustomField {
  return {
    id: r.id, entityType: r.entityType, label: r.label, type: r.type, options: r.options, required: r.required, position: r.position,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), archivedAt: r.archivedAt?.toISOString() ?? null,
  };
}

const NOUN = { goal: 'goal', initiative: 'initiative' } as const;

/** The workspace's field definitions, by entity type and position. */
export async function listCustomFields(
  db: Queryable, workspaceId: string, f: { entityType?: TCustomFieldEntityType; includeArchived: boolean },
) {
  const rows = await db
    .select()
    .from(customFields)
    .where(and(
      eq(customFields.workspaceId, workspaceId),
      f.entityType ? eq(customFields.entityType, f.entityType) : undefined,
      f.includeArchived ? undefined : isNull(customFields.archivedAt),
    ))
    .orderBy(asc(customFields.entityType), asc(customFields.position), asc(sql`lower(${customFields.label})`), asc(customFields.id));
  return { items: rows.map(present), nextCursor: null };
}

async function load(db: Queryable, workspaceId: string, fieldId: string, lock = false): Promise<Row> {
  const q = db.select().from(customFields).where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, fieldId))).limit(1);
  // FOR NO KEY UPDATE: waits for the values being saved against the field (they hold it FOR SHARE).
  const [row] = lock ? await q.for('no key update') : await q;
  if (!row) throw notFound('Custom field');
  return row;
}

/** Labels are unique per entity type, ignoring case (archived fields included: restoring one must not clash). */
async function assertLabelFree(db: Queryable, workspaceId: string, entityType: TCustomFieldEntityType, label: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: customFields.id })
    .from(customFields)
    .where(and(
      eq(customFields.workspaceId, workspaceId),
      eq(customFields.entityType, entityType),
      sql`lower(${customFields.label}) = lower(${label})`,
      exceptId ? ne(customFields.id, exceptId) : undefined,
    ))
    .limit(1);
  if (clash) throw conflict(`There is already a ${NOUN[entityType]} field labelled “${label}” (perhaps archived).`);
}

export async function createCustomField(tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateCustomField): Promise<TCustomField> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('custom_fields'), hashtext(${workspaceId}))`);
  await assertLabelFree(tx, workspaceId, input.entityType, input.label);
  let position = input.position;
  if (position === undefined) {
    const [r] = await tx
      .select({ n: sql<number>`coalesce(max(${customFields.position}) + 1, 0)::int` })
      .from(customFields)
      .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.entityType, input.entityType)));
    position = Math.min(r?.n ?? 0, 1_000_000);
  }
  const [row] = await tx.insert(customFields).values({ ...input, position, workspaceId }).returning();
  const out = present(row!);
  await recordAudit(tx, audit, { workspaceId, action: 'custom_field.create', entityType: 'custom_field', entityId: out.id, after: out });
  return out;
}

/**
 * Edits a field. The type cannot change once any item has a value for the field (409), and
 * an option cannot be removed while an item has it chosen (409): values are never left
 * invalid. A field switched to a type without options loses its options.
 */
export async function updateCustomField(
  tx: Queryable, audit: AuditContext, workspaceId: string, fieldId: string, input: TUpdateCustomField,
): Promise<TCustomField> {
  const before = await load(tx, workspaceId, fieldId, true);
  assertEditable(before, 'custom field');
  const type = input.type ?? before.type;
  const options = input.options ?? (isChoiceType(type) ? before.options : []);
  const problem = optionsProblem(type, options);
  if (problem) throw invalidField('body.options', problem);
  const changes = changedFields(present(before), { ...input, options: JSON.stringify(options) === JSON.stringify(before.options) ? undefined : options });
  if (Object.keys(changes).length === 0) return present(before);
  const table = tableOf(before.entityType);
  if (changes.label !== undefined) await assertLabelFree(tx, workspaceId, before.entityType, changes.label, fieldId);
  if (changes.type !== undefined && (await fieldHasValues(tx, workspaceId, table, fieldId))) {
    throw conflict('Items already have values for this field, so its type cannot change. Create a new field instead.');
  }
  if (changes.options !== undefined && isChoiceType(before.type) && changes.type === undefined) {
    for (const removed of before.options.filter((o) => !options.includes(o))) {
      const stored = before.type === 'multi_choice' ? [removed] : removed;
      if (await fieldHasValues(tx, workspaceId, table, fieldId, stored)) {
        throw conflict(`The option “${removed}” is chosen on some ${NOUN[before.entityType]}s; change their values before removing it.`);
      }
    }
  }
  const [row] = await tx.update(customFields).set({ ...changes, updatedAt: sql`now()` }).where(eq(customFields.id, fieldId)).returning();
  const out = present(row!);
  await recordAudit(tx, audit, { workspaceId, action: 'custom_field.update', entityType: 'custom_field', entityId: fieldId, before: present(before), after: out });
  return out;
}

/** Archiving hides the field and keeps the items' values; restoring brings both back. */
export async function setCustomFieldArchived(
  tx: Queryable, audit: AuditContext, workspaceId: string, fieldId: string, archive: boolean,
): Promise<TCustomField> {
  const before = await load(tx, workspaceId, fieldId, true);
  assertArchiveChange(before, archive, 'custom field');
  const [row] = await tx
    .update(customFields)
    .set({ archivedAt: archive ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(customFields.id, fieldId))
    .returning();
  const out = present(row!);
  await recordAudit(tx, audit, {
    workspaceId, action: archive ? 'custom_field.archive' : 'custom_field.restore', entityType: 'custom_field', entityId: fieldId,
    before: present(before), after: out,
  });
  return out;
}

/**
 * The rules values of this entity type are checked against (archived fields flagged). With
 * `keep`, the definitions are held FOR SHARE until commit: a change of a field (an option
 * removed, the type changed) then waits for the values being saved and sees them.
 */
export async function fieldRules(
  db: Queryable, workspaceId: string, entityType: TCustomFieldEntityType, opts: { keep?: boolean } = {},
): Promise<FieldRule[]> {
  const q = db.select().from(customFields).where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.entityType, entityType)));
  const rows = opts.keep ? await q.for('share') : await q;
  return rows.map((r) => ({ id: r.id, type: r.type, options: r.options, required: r.required, archived: r.archivedAt !== null }));
}

/**
 * The people named in user fields must be members of the workspace: `{ 'body.values.<fieldId>': userId }`,
 * each one who is not is a 400 at that path.
 */
export async function assertCustomFieldUsers(db: Queryable, workspaceId: string, users: Record<string, string>): Promise<void> {
  await assertMembers(db, workspaceId, users);
}

/**
 * Sets custom field values of a goal or initiative (`input` by field id; null clears; fields
 * left out keep their value), audited as `goal.custom_fields` / `initiative.custom_fields`.
 */
export async function putCustomFieldValues(
  tx: Queryable, audit: AuditContext, workspaceId: string, entityType: TCustomFieldEntityType, entityId: string, input: Record<string, unknown>,
): Promise<TCustomFieldValues> {
  const table = tableOf(entityType);
  const [item] = await tx
    .select({ id: table.id, title: table.title, description: table.description, customFields: table.customFields, archivedAt: table.archivedAt })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, entityId)))
    .limit(1)
    .for('no key update');
  if (!item) throw notFound(entityType === 'goal' ? 'Goal' : 'Initiative');
  assertEditable(item, NOUN[entityType]);
  const outcome = applyCustomFieldValues(await fieldRules(tx, workspaceId, entityType, { keep: true }), item.customFields, input);
  if (outcome.errors.length > 0) throw invalidFields(outcome.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));
  await assertCustomFieldUsers(tx, workspaceId, Object.fromEntries(Object.entries(outcome.users).map(([path, id]) => [`body.${path}`, id])));
  if (sameValues(item.customFields, outcome.values)) return { values: item.customFields };
  await tx.update(table).set({ customFields: outcome.values, updatedAt: sql`now()` }).where(eq(table.id, entityId));
  // The snapshots carry title, description and archivedAt too: search and activity read those from every goal/initiative entry.
  const snap = (values: Record<string, unknown>) => ({
    id: item.id, title: item.title, description: item.description, archivedAt: item.archivedAt?.toISOString() ?? null, customFields: values,
  });
  await recordAudit(tx, audit, {
    workspaceId, action: `${entityType}.custom_fields`, entityType, entityId, before: snap(item.customFields), after: snap(outcome.values),
  });
  return { values: outcome.values };
}

/** Equal value maps, whatever the key order. */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
