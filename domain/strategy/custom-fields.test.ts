import { describe, expect, it } from 'vitest';
import {
  applyCustomFieldValues, checkCustomFieldValue, CreateCustomField, FieldFilterParam, type FieldRule, filterValue, formatCustomFieldValue, mergeFilterValues, optionsProblem,
  UpdateCustomField,
} from './custom-fields';

const USER = '6f1c2b4e-8a52-4d2c-9a6e-0c6b1f7f2a10';
const field = (type: FieldRule['type'], extra: Partial<FieldRule> = {}): FieldRule => ({
  id: 'f', type, options: type.endsWith('choice') ? ['Low', 'Medium', 'High'] : [], required: false, ...extra,
});
const ok = (value: unknown) => ({ ok: true, value });

describe('custom field definitions', () => {
  it('need options for choice types only, non-empty and unique', () => {
    expect(optionsProblem('single_choice', [])).toMatch(/at least one option/);
    expect(optionsProblem('multi_choice', ['Road', 'road'])).toMatch(/listed twice/);
    expect(optionsProblem('text', ['x'])).toMatch(/only single and multiple choice/);
    expect(optionsProblem('multi_choice', ['Road', 'Rail'])).toBeNull();
    expect(optionsProblem('number', [])).toBeNull();
  });

  it('report option problems at body.options', () => {
    const r = CreateCustomField.safeParse({ entityType: 'goal', label: 'Region', type: 'single_choice' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['options']);
    const trimmed = CreateCustomField.parse({ entityType: 'goal', label: ' Region ', type: 'single_choice', options: [' EMEA ', 'APAC'] });
    expect(trimmed).toMatchObject({ label: 'Region', options: ['EMEA', 'APAC'], required: false });
    expect(CreateCustomField.safeParse({ entityType: 'goal', label: 'Region', type: 'single_choice', options: ['', 'x'] }).success).toBe(false);
    expect(UpdateCustomField.safeParse({ entityType: 'initiative' }).data).toEqual({});
  });
});

describe('one value', () => {
  it('text: trimmed, at most 2000 characters, empty clears', () => {
    expect(checkCustomFieldValue(field('text'), '  Hamburg hub ')).toEqual(ok('Hamburg hub'));
    expect(checkCustomFieldValue(field('text'), 'x'.repeat(2000))).toEqual(ok('x'.repeat(2000)));
    expect(checkCustomFieldValue(field('text'), 'x'.repeat(2001))).toMatchObject({ ok: false, message: expect.stringMatching(/2000/) });
    expect(checkCustomFieldValue(field('text'), '   ')).toEqual(ok(null));
    expect(checkCustomFieldValue(field('text'), 5)).toMatchObject({ ok: false });
  });

  it('number: finite only', () => {
    expect(checkCustomFieldValue(field('number'), -12.5)).toEqual(ok(-12.5));
    expect(checkCustomFieldValue(field('number'), 0)).toEqual(ok(0));
    expect(checkCustomFieldValue(field('number'), Infinity)).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('number'), NaN)).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('number'), '12')).toMatchObject({ ok: false });
  });

  it('date: a real YYYY-MM-DD', () => {
    expect(checkCustomFieldValue(field('date'), '2026-02-28')).toEqual(ok('2026-02-28'));
    expect(checkCustomFieldValue(field('date'), '2026-02-30')).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('date'), '28.02.2026')).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('date'), '2026-02-28T10:00:00Z')).toMatchObject({ ok: false });
  });

  it('single choice: one of the options, exactly', () => {
    expect(checkCustomFieldValue(field('single_choice'), 'High')).toEqual(ok('High'));
    expect(checkCustomFieldValue(field('single_choice'), 'high')).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('single_choice'), ['High'])).toMatchObject({ ok: false });
  });

  it('multiple choice: options without duplicates, kept in the options’ order; empty clears', () => {
    expect(checkCustomFieldValue(field('multi_choice'), ['High', 'Low'])).toEqual(ok(['Low', 'High']));
    expect(checkCustomFieldValue(field('multi_choice'), ['High', 'High'])).toMatchObject({ ok: false, message: expect.stringMatching(/twice/) });
    expect(checkCustomFieldValue(field('multi_choice'), ['Huge'])).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('multi_choice'), 'High')).toMatchObject({ ok: false });
    expect(checkCustomFieldValue(field('multi_choice'), [])).toEqual(ok(null));
  });

  it('user: a user id (membership is the server’s to check)', () => {
    expect(checkCustomFieldValue(field('user'), USER.toUpperCase())).toEqual(ok(USER));
    expect(checkCustomFieldValue(field('user'), 'olivia')).toMatchObject({ ok: false });
  });

  it('required: cannot be cleared', () => {
    expect(checkCustomFieldValue(field('text', { required: true }), null)).toEqual({ ok: false, message: 'is required' });
    expect(checkCustomFieldValue(field('multi_choice', { required: true }), [])).toEqual({ ok: false, message: 'is required' });
  });
});

describe('applying values to an item', () => {
  const fields: FieldRule[] = [
    { id: 'region', type: 'single_choice', options: ['EMEA', 'APAC'], required: false },
    { id: 'budget', type: 'number', options: [], required: false },
    { id: 'sponsor', type: 'user', options: [], required: false },
    { id: 'old', type: 'text', options: [], required: false, archived: true },
  ];

  it('sets, clears and keeps values, and names the user ids to check', () => {
    const out = applyCustomFieldValues(fields, { region: 'EMEA', budget: 10, old: 'kept' }, { budget: null, sponsor: USER, region: 'APAC' });
    expect(out.errors).toEqual([]);
    expect(out.values).toEqual({ region: 'APAC', sponsor: USER, old: 'kept' });
    expect(out.users).toEqual({ 'values.sponsor': USER });
  });

  it('reports every bad value at values.<fieldId>: unknown, archived, wrong type', () => {
    const out = applyCustomFieldValues(fields, {}, { nope: 1, old: 'x', budget: 'lots', region: 'Mars' });
    expect(out.errors.map((e) => e.path).sort()).toEqual(['values.budget', 'values.nope', 'values.old', 'values.region']);
  });

  it('requires every required active field to have a value afterwards', () => {
    const withRequired: FieldRule[] = [...fields, { id: 'owner_bu', type: 'text', options: [], required: true }, { id: 'gone', type: 'text', options: [], required: true, archived: true }];
    expect(applyCustomFieldValues(withRequired, {}, { budget: 5 }).errors).toEqual([{ path: 'values.owner_bu', message: 'is required' }]);
    expect(applyCustomFieldValues(withRequired, { owner_bu: 'Ops' }, { budget: 5 }).errors).toEqual([]);
    expect(applyCustomFieldValues(withRequired, { owner_bu: 'Ops' }, { owner_bu: '' }).errors).toEqual([{ path: 'values.owner_bu', message: 'is required' }]);
  });
});

describe('formatting', () => {
  it('reads values as text', () => {
    expect(formatCustomFieldValue('multi_choice', ['Road', 'Rail'])).toBe('Road, Rail');
    expect(formatCustomFieldValue('number', 1.5)).toBe('1.5');
    expect(formatCustomFieldValue('user', USER, (id) => (id === USER ? 'Olivia' : undefined))).toBe('Olivia');
    expect(formatCustomFieldValue('user', USER)).toBe('Former member');
    expect(formatCustomFieldValue('text', undefined)).toBe('');
  });
});

describe('custom field filters', () => {
  const id = '0b0e7a3e-8a8e-4d37-9c39-0c6d6c1c7a11';
  it('parse <fieldId>:<value>, once or repeated', () => {
    expect(FieldFilterParam.parse(undefined)).toEqual([]);
    expect(FieldFilterParam.parse(`${id.toUpperCase()}:a:b`)).toEqual([{ fieldId: id, value: 'a:b' }]);
    expect(FieldFilterParam.parse([`${id}:x`, `${id}:y`])).toHaveLength(2);
    expect(FieldFilterParam.safeParse('size:S').success).toBe(false);
  });
  it('read values by the field type and merge multiple choices', () => {
    const multi = { id, type: 'multi_choice' as const, options: ['Road', 'Rail'], required: true };
    expect(filterValue(multi, 'Rail')).toEqual({ ok: true, value: ['Rail'] });
    expect(filterValue({ id, type: 'number', options: [], required: false }, '2.5')).toEqual({ ok: true, value: 2.5 });
    expect(filterValue({ id, type: 'number', options: [], required: false }, '').ok).toBe(false);
    expect(filterValue({ id, type: 'text', options: [], required: false }, '  ').ok).toBe(false);
    expect(mergeFilterValues([{ field: multi, value: ['Rail'] }, { field: multi, value: ['Road'] }])).toEqual({ ok: true, value: { [id]: ['Road', 'Rail'] } });
    const single = { id, type: 'single_choice' as const, options: ['S', 'L'], required: false };
    expect(mergeFilterValues([{ field: single, value: 'S' }, { field: single, value: 'L' }]).ok).toBe(false);
  });
});
