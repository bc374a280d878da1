import { describe, expect, it } from 'vitest';
import { ActionItemListQuery, CreateActionItem, UpdateActionItem, addDays, dueBucketRange, dueState, utcDate } from './actions';

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-30', 2)).toBe('2026-02-01');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('knows leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // not a leap year
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // a leap year
  });
});

describe('utcDate', () => {
  it('is the UTC calendar date, whatever the offset written', () => {
    expect(utcDate(new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04-01');
    expect(utcDate(new Date('2026-04-01T00:30:00+02:00'))).toBe('2026-03-31');
  });
});

describe('dueState', () => {
  const today = '2026-01-30';
  it('classifies around a month end', () => {
    expect(dueState(null, today)).toBe('none');
    expect(dueState('2026-01-29', today)).toBe('overdue');
    expect(dueState('2025-12-31', today)).toBe('overdue');
    expect(dueState('2026-01-30', today)).toBe('due_soon');
    expect(dueState('2026-02-01', today)).toBe('due_soon'); // today + 2
    expect(dueState('2026-02-02', today)).toBe('this_week'); // today + 3
    expect(dueState('2026-02-05', today)).toBe('this_week'); // today + 6
    expect(dueState('2026-02-06', today)).toBe('later'); // today + 7
  });

  it('classifies around a leap day', () => {
    const t = '2028-02-28';
    expect(dueState('2028-02-27', t)).toBe('overdue');
    expect(dueState('2028-02-29', t)).toBe('due_soon');
    expect(dueState('2028-03-01', t)).toBe('due_soon'); // today + 2, across the leap day
    expect(dueState('2028-03-02', t)).toBe('this_week');
    expect(dueState('2028-03-06', t)).toBe('later'); // today + 7, the leap day counted
  });

  it('counts a week as today and the six days after', () => {
    // 2028-02-28 + 6 days = 2028-03-05 (29 Feb counts); + 7 = 2028-03-06.
    expect(dueState('2028-03-05', '2028-02-28')).toBe('this_week');
    expect(dueState('2028-03-06', '2028-02-28')).toBe('later');
    // In a common year 2027-02-28 + 6 = 2027-03-06.
    expect(dueState('2027-03-06', '2027-02-28')).toBe('this_week');
    expect(dueState('2027-03-07', '2027-02-28')).toBe('later');
  });
});

describe('dueBucketRange', () => {
  it('gives inclusive bounds from today', () => {
    expect(dueBucketRange('overdue', '2026-03-01')).toEqual({ to: '2026-02-28' });
    expect(dueBucketRange('this_week', '2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(dueBucketRange('later', '2028-02-23')).toEqual({ from: '2028-03-01' });
    expect(dueBucketRange('none', '2028-02-23')).toEqual({ none: true });
  });
});

describe('contract', () => {
  it('fills defaults and trims the title', () => {
    expect(CreateActionItem.parse({ title: '  Draft the SLA review ' })).toEqual({
      title: 'Draft the SLA review', description: '', ownerUserId: null, dueDate: null, status: 'open', sourceType: null, sourceId: null,
    });
  });

  it('wants source type and id together', () => {
    const id = '6f1c1b4e-3f0a-4e39-9a37-1c2d3e4f5a6b';
    const onlyType = CreateActionItem.safeParse({ title: 'x', sourceType: 'goal' });
    expect(onlyType.error?.issues.map((i) => i.path.join('.'))).toEqual(['sourceId']);
    const onlyId = UpdateActionItem.safeParse({ sourceId: id });
    expect(onlyId.error?.issues.map((i) => i.path.join('.'))).toEqual(['sourceType']);
    expect(UpdateActionItem.safeParse({ sourceType: null, sourceId: null }).success).toBe(true);
  });

  it('limits the title and description', () => {
    const r = CreateActionItem.safeParse({ title: 'x'.repeat(201), description: 'y'.repeat(5001), dueDate: '2026-02-30' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['description', 'dueDate', 'title']);
  });

  it('takes one or several statuses', () => {
    expect(ActionItemListQuery.parse({ status: 'open,in_progress' }).status).toEqual(['open', 'in_progress']);
    expect(ActionItemListQuery.parse({ status: ['done', 'cancelled'] }).status).toEqual(['done', 'cancelled']);
    expect(ActionItemListQuery.parse({}).status).toBeUndefined();
    expect(ActionItemListQuery.safeParse({ status: 'open,someday' }).success).toBe(false);
    expect(ActionItemListQuery.parse({ owner: 'me' }).owner).toBe('me');
    expect(ActionItemListQuery.safeParse({ owner: 'someone' }).success).toBe(false);
  });
});
