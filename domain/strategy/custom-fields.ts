import { z } from 'zod';
import { Id, IncludeArchived, IsoDate, IsoDateTime, looksLikeId } from '../common';

/**
 * Custom fields on goals and initiatives: an admin defines a field (label, type, options); each
 * item keeps its values in its `customFields` object by field id. A value that is null or empty
 * is not stored, so "has a value" is "has the key".
 */

export const CUSTOM_FIELD_ENTITY_TYPES = ['goal', 'initiative'] as const;
export const CustomFieldEntityType = z.enum(CUSTOM_FIELD_ENTITY_TYPES);
export type TCustomFieldEntityType = z.infer<typeof CustomFieldEntityType>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'single_choice', 'multi_choice', 'user'] as const;
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type TCustomFieldType = z.infer<typeof CustomFieldType>;

/** The types whose values are picked from the field's options. */
export function isChoiceType(type: TCustomFieldType): boolean {
  return type === 'single_choice' || type === 'multi_choice';
}

export const TEXT_VALUE_MAX = 2000;
export const OPTION_MAX = 100;
export const OPTIONS_MAX = 100;

/** What is wrong with `options` for a field of `type` (null when nothing is). */
export function optionsProblem(type: TCustomFieldType, options: readonly string[]): string | null {
  if (!isChoiceType(type)) return options.length > 0 ? 'only single and multiple choice fields have options' : null;
  if (options.length === 0) return 'a choice field needs at least one option';
  const seen = new Set<string>();
  for (const o of options) {
    const key = o.toLowerCase();
    if (seen.has(key)) return `“${o}” is listed twice`;
    seen.add(key);
  }
  return null;
}

const Label = z.string().trim().min(1, 'must not be empty').max(100);
const Option = z.string().trim().min(1, 'must not be empty').max(OPTION_MAX);
const Options = z.array(Option).max(OPTIONS_MAX);
const Position = z.number().int().min(0).max(1_000_000);

export const CustomField = z.object({
  id: Id,
  entityType: CustomFieldEntityType,
  label: z.string(),
  type: CustomFieldType,
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type TCustomField = z.infer<typeof CustomField>;

export const CreateCustomField = z
  .object({
    entityType: CustomFieldEntityType,
    label: Label,
    type: CustomFieldType,
    options: Options.default([]),
    required: z.boolean().default(false),
    /** Left out: after the last field of the entity type. */
    position: Position.optional(),
  })
  .superRefine((v, ctx) => {
    const problem = optionsProblem(v.type, v.options);
    if (problem) ctx.addIssue({ code: 'custom', path: ['options'], message: problem });
  });
export type TCreateCustomField = z.infer<typeof CreateCustomField>;

/** The entity type cannot change; type and options are checked together with the stored ones. */
export const UpdateCustomField = z.object({ label: Label, type: CustomFieldType, options: Options, required: z.boolean(), position: Position }).partial();
export type TUpdateCustomField = z.infer<typeof UpdateCustomField>;

export const CustomFieldListQuery = z.object({ entityType: CustomFieldEntityType.optional(), includeArchived: IncludeArchived });

/** `PUT …/goals/:id/custom-fields`: the values to set by field id; null (or empty) clears one. Fields left out keep their value. */
export const PutCustomFieldValues = z.object({ values: z.record(z.string().max(100), z.unknown()) });
export type TPutCustomFieldValues = z.infer<typeof PutCustomFieldValues>;
export const CustomFieldValues = z.object({ values: z.record(z.string(), z.unknown()) });
export type TCustomFieldValues = z.infer<typeof CustomFieldValues>;

/** The part of a field definition a value is checked against. */
export interface FieldRule {
  id: string;
  type: TCustomFieldType;
  options: readonly string[];
  required: boolean;
  archived?: boolean;
}

export type ValueCheck = { ok: true; value: unknown } | { ok: false; message: string };

const isDate = (v: string) => IsoDate.safeParse(v).success;

/**
 * Checks one value against its field and normalises it (text trimmed; an empty text, list or
 * null becomes null, which clears the value; a multiple choice in the options' order).
 * A required field cannot be cleared.
 */
export function checkCustomFieldValue(field: FieldRule, raw: unknown): ValueCheck {
  const value = normalise(field, raw);
  if (!value.ok) return value;
  if (value.value === null && field.required) return { ok: false, message: 'is required' };
  return value;
}

function normalise(field: FieldRule, raw: unknown): ValueCheck {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, message: 'must be text' };
      const v = raw.trim();
      if (v.length > TEXT_VALUE_MAX) return { ok: false, message: `must be at most ${TEXT_VALUE_MAX} characters` };
      return { ok: true, value: v === '' ? null : v };
    }
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, message: 'must be a finite number' };
      return { ok: true, value: raw };
    case 'date':
      if (typeof raw !== 'string' || !isDate(raw)) return { ok: false, message: 'must be a date YYYY-MM-DD' };
      return { ok: true, value: raw };
    case 'single_choice':
      if (typeof raw !== 'string' || !field.options.includes(raw)) return { ok: false, message: 'must be one of the field’s options' };
      return { ok: true, value: raw };
    case 'multi_choice': {
      if (!Array.isArray(raw)) return { ok: false, message: 'must be a list of the field’s options' };
      if (raw.some((o) => typeof o !== 'string' || !field.options.includes(o))) return { ok: false, message: 'must list only the field’s options' };
      if (new Set(raw).size !== raw.length) return { ok: false, message: 'must not list an option twice' };
      if (raw.length === 0) return { ok: true, value: null };
      return { ok: true, value: field.options.filter((o) => raw.includes(o)) };
    }
    case 'user':
      if (typeof raw !== 'string' || !looksLikeId(raw)) return { ok: false, message: 'must be the user id of a member' };
      return { ok: true, value: raw.toLowerCase() };
  }
}

export interface ValuesOutcome {
  /** The item's values after the change (cleared values left out). */
  values: Record<string, unknown>;
  /** Field errors, paths relative to the body (`values.<fieldId>`). */
  errors: { path: string; message: string }[];
  /** Fields of type user and the ids given for them, for the caller to check membership. */
  users: Record<string, string>;
}

/**
 * Applies `input` to an item's `current` values: each key must be an active field of the
 * item's type (`fields`), each value must suit its field; keys left out keep their value (also
 * those of archived fields). Afterwards, every required active field must have a value.
 */
export function applyCustomFieldValues(
  fields: readonly FieldRule[], current: Readonly<Record<string, unknown>>, input: Readonly<Record<string, unknown>>,
): ValuesOutcome {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const values: Record<string, unknown> = { ...current };
  const errors: ValuesOutcome['errors'] = [];
  const users: Record<string, string> = {};
  for (const [id, raw] of Object.entries(input)) {
    const path = `values.${id}`;
    const field = byId.get(id);
    if (!field) {
      errors.push({ path, message: 'is not a custom field of this kind of item' });
      continue;
    }
    if (field.archived) {
      errors.push({ path, message: 'is an archived field; restore it to set values' });
      continue;
    }
    const checked = normalise(field, raw);
    if (!checked.ok) {
      errors.push({ path, message: checked.message });
      continue;
    }
    if (checked.value === null) delete values[id];
    else values[id] = checked.value;
    if (field.type === 'user' && typeof checked.value === 'string') users[path] = checked.value;
  }
  const failed = new Set(errors.map((e) => e.path));
  for (const f of fields) {
    const path = `values.${f.id}`;
    if (f.required && !f.archived && !failed.has(path) && values[f.id] === undefined) errors.push({ path, message: 'is required' });
  }
  return { values, errors, users };
}

/** How a stored value reads, for lists and exports (user ids are shown through `userName`). */
export function formatCustomFieldValue(type: TCustomFieldType, value: unknown, userName: (id: string) => string | undefined = () => undefined): string {
  if (value === null || value === undefined) return '';
  if (type === 'multi_choice' && Array.isArray(value)) return value.join(', ');
  if (type === 'user' && typeof value === 'string') return userName(value) ?? 'Former member';
  return valueText(value);
}

/** A stored value as plain text (strings as they are, other values as JSON). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Filtering lists by custom field values.

export const FIELD_FILTERS_MAX = 10;

/** One `<fieldId>:<value>` filter of a list query, split (the value is the raw text after the first colon). */
export interface FieldFilter {
  fieldId: string;
  value: string;
}

const FilterText = z
  .string()
  .max(TEXT_VALUE_MAX + 40)
  .refine((v) => v.charAt(36) === ':' && looksLikeId(v.slice(0, 36)), 'must be <fieldId>:<value>');

/**
 * A custom field filter parameter of a list query: `<fieldId>:<value>`, repeatable (up to
 * FIELD_FILTERS_MAX; all must match). The value is read as the field's type reads it: text
 * (matches exactly, after trimming), a number, a date `YYYY-MM-DD`, an option of a choice field
 * (for a multiple choice field: items having that option among theirs), a member's user id.
 */
export const FieldFilterParam = z
  .union([FilterText, z.array(FilterText).max(FIELD_FILTERS_MAX)])
  .optional()
  .transform((v): FieldFilter[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => ({ fieldId: s.slice(0, 36).toLowerCase(), value: s.slice(37) })));

/**
 * A filter's text as the stored value it must match (what customFieldCondition takes): a
 * number for number fields, `[option]` for multiple choice, the normalised value otherwise.
 * An empty value is refused: "has no value" is not a filter.
 */
export function filterValue(field: FieldRule, raw: string): ValueCheck {
  let input: unknown = raw;
  if (field.type === 'number') {
    const n = raw.trim() === '' ? Number.NaN : Number(raw);
    input = n;
  } else if (field.type === 'multi_choice') {
    input = [raw];
  }
  const checked = normalise({ ...field, required: false }, input);
  if (!checked.ok) return checked;
  if (checked.value === null) return { ok: false, message: 'needs a value after the colon' };
  return checked;
}

/**
 * The filters as one containment object `{ fieldId: value }` (all must match). Filters on the
 * same multiple choice field add up (items having every option given); the same other field
 * twice must give the same value. Returns an error message for the second filter otherwise.
 */
export function mergeFilterValues(checked: readonly { field: FieldRule; value: unknown }[]): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const out: Record<string, unknown> = {};
  for (const { field, value } of checked) {
    const prev = out[field.id];
    if (prev === undefined) out[field.id] = value;
    else if (field.type === 'multi_choice') out[field.id] = field.options.filter((o) => (prev as string[]).includes(o) || (value as string[]).includes(o));
    else if (prev !== value) return { ok: false, message: 'filters one field on two different values; nothing can match both' };
  }
  return { ok: true, value: out };
}
