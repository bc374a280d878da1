import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueDateProblem, milestonesOutside, wholeMove } from './milestones';

describe('milestone due dates', () => {
  const span = { startDate: '2026-01-01', endDate: '2026-06-30' };
  it('fit within the dates, both ends included', () => {
    expect(dueDateProblem('2026-01-01', span)).toBeNull();
    expect(dueDateProblem('2026-06-30', span)).toBeNull();
    expect(dueDateProblem('2025-12-31', span)).toBe("must be on or after the initiative's start, 2026-01-01");
    expect(dueDateProblem('2026-07-01', span)).toBe("must be on or before the initiative's end, 2026-06-30");
  });
  it('check only the dates that are set', () => {
    expect(dueDateProblem('1999-01-01', { startDate: null, endDate: null })).toBeNull();
    expect(dueDateProblem('2030-01-01', { startDate: '2026-01-01', endDate: null })).toBeNull();
    expect(dueDateProblem('2020-01-01', { startDate: null, endDate: '2026-01-01' })).toBeNull();
  });
  it('lists the milestones a new span would leave out', () => {
    const ms = [{ title: 'a', dueDate: '2026-02-01' }, { title: 'b', dueDate: '2026-05-01' }];
    expect(milestonesOutside(ms, { startDate: '2026-03-01', endDate: null }).map((m) => m.title)).toEqual(['a']);
    expect(milestonesOutside(ms, span)).toEqual([]);
  });
});

describe('moving an initiative as a whole', () => {
  const before = { startDate: '2026-01-31', endDate: '2026-03-31' };
  it('is both dates moved by the same days', () => {
    expect(wholeMove(before, { startDate: '2026-03-02', endDate: '2026-04-30' })).toBe(30);
    expect(wholeMove(before, { startDate: '2026-01-30', endDate: '2026-03-30' })).toBe(-1);
  });
  it('is not a resize, one date, no move, or dates that were open', () => {
    expect(wholeMove(before, { startDate: '2026-02-01', endDate: '2026-04-30' })).toBeNull();
    expect(wholeMove(before, { startDate: '2026-02-01' })).toBeNull();
    expect(wholeMove(before, { ...before })).toBeNull();
    expect(wholeMove({ startDate: null, endDate: '2026-03-31' }, { startDate: '2026-01-01', endDate: '2026-04-01' })).toBeNull();
  });
  it('counts days across month ends, leap days and DST changes', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
