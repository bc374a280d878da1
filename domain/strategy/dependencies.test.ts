import { describe, expect, it } from 'vitest';
import { dateConflicts, dependencyDateProblem, describeCycle, findCycle, startsTooEarly, type DependencyEdge } from './dependencies';

const edges = (...pairs: [string, string][]): DependencyEdge[] => pairs.map(([initiativeId, dependsOnId]) => ({ initiativeId, dependsOnId }));

describe('findCycle', () => {
  it('finds none in an empty graph or for an unrelated pair', () => {
    expect(findCycle([], 'A', 'B')).toBeNull();
    expect(findCycle(edges(['C', 'D']), 'A', 'B')).toBeNull();
  });

  it('calls depending on oneself a cycle', () => {
    expect(findCycle([], 'A', 'A')).toEqual(['A', 'A']);
  });

  it('finds a direct cycle: B already depends on A', () => {
    expect(findCycle(edges(['B', 'A']), 'A', 'B')).toEqual(['A', 'B', 'A']);
  });

  it('finds a transitive cycle: B → C → A already, adding A → B', () => {
    expect(findCycle(edges(['B', 'C'], ['C', 'A']), 'A', 'B')).toEqual(['A', 'B', 'C', 'A']);
  });

  it('accepts a diamond: A → B, A → C, B → D, C → D, then D → E and A → D', () => {
    const diamond = edges(['A', 'B'], ['A', 'C'], ['B', 'D'], ['C', 'D']);
    expect(findCycle(diamond, 'D', 'E')).toBeNull();
    expect(findCycle(diamond, 'A', 'D')).toBeNull();
    // …but D depending on A closes two cycles; the shortest is named.
    expect(findCycle(diamond, 'D', 'A')).toEqual(['D', 'A', 'B', 'D']);
  });

  it('names the shortest of several ways back, and survives cycles already in the data', () => {
    const g = edges(['B', 'C'], ['C', 'D'], ['D', 'A'], ['B', 'A'], ['X', 'Y'], ['Y', 'X']);
    expect(findCycle(g, 'A', 'B')).toEqual(['A', 'B', 'A']);
    expect(findCycle(g, 'A', 'X')).toBeNull();
  });
});

describe('describeCycle', () => {
  it('reads the path with titles', () => {
    const titles: Record<string, string> = { A: 'Data platform', B: 'CRM', C: 'Analytics' };
    expect(describeCycle(['A', 'B', 'C', 'A'], (id) => titles[id]!)).toBe("'Data platform' → 'CRM' → 'Analytics' → 'Data platform' would be a cycle");
  });
});

describe('dateConflicts (finish-to-start, end dates inclusive)', () => {
  const data = { id: 'P', title: 'Data platform', startDate: '2026-09-01', endDate: '2027-03-31' };
  const crm = { id: 'D', title: 'New CRM', startDate: '2027-06-01', endDate: '2027-12-31' };

  it('lets an initiative start the day after its prerequisite’s last day, not on that day', () => {
    expect(dateConflicts({ startDate: '2027-04-01', endDate: '2027-05-01' }, [data], [])).toEqual([]);
    expect(dateConflicts({ startDate: '2027-03-31', endDate: '2027-05-01' }, [data], [])).toEqual([
      { id: 'P', title: 'Data platform', field: 'startDate', message: "must start on or after 2027-04-01, the day after 'Data platform' ends" },
    ]);
    expect(dateConflicts({ startDate: '2027-03-30', endDate: '2027-05-01' }, [data], [])).toHaveLength(1);
  });

  it('lets an initiative end the day before a dependent starts, not on that day', () => {
    expect(dateConflicts({ startDate: '2027-01-01', endDate: '2027-05-31' }, [], [crm])).toEqual([]);
    expect(dateConflicts({ startDate: '2027-01-01', endDate: '2027-06-01' }, [], [crm])).toEqual([
      { id: 'D', title: 'New CRM', field: 'endDate', message: "must end on or before 2027-05-31, the day before 'New CRM' starts" },
    ]);
  });

  it('counts across month and year ends', () => {
    const dec = { id: 'Y', title: 'Year end', startDate: '2026-10-01', endDate: '2026-12-31' };
    expect(dateConflicts({ startDate: '2027-01-01', endDate: null }, [dec], [])).toEqual([]);
    expect(dateConflicts({ startDate: '2026-12-31', endDate: null }, [dec], [])[0]!.message).toBe(
      "must start on or after 2027-01-01, the day after 'Year end' ends",
    );
    const march = { id: 'M', title: 'March', startDate: '2028-03-01', endDate: null };
    expect(dateConflicts({ startDate: null, endDate: '2028-03-01' }, [], [march])[0]!.message).toBe(
      "must end on or before 2028-02-29, the day before 'March' starts",
    );
  });

  it('names every broken rule, both sides at once', () => {
    const out = dateConflicts({ startDate: '2027-01-01', endDate: '2027-07-01' }, [data], [crm]);
    expect(out.map((c) => [c.id, c.field])).toEqual([['P', 'startDate'], ['D', 'endDate']]);
  });

  it('holds when a compared date is open', () => {
    expect(dateConflicts({ startDate: null, endDate: null }, [data], [crm])).toEqual([]);
    expect(dateConflicts({ startDate: '2020-01-01', endDate: '2030-01-01' }, [{ ...data, endDate: null }], [{ ...crm, startDate: null }])).toEqual([]);
  });
});

describe('startsTooEarly', () => {
  it('is true from the prerequisite’s last day back, false from the day after, false with an open date', () => {
    expect(startsTooEarly('2027-03-30', '2027-03-31')).toBe(true);
    expect(startsTooEarly('2027-03-31', '2027-03-31')).toBe(true);
    expect(startsTooEarly('2027-04-01', '2027-03-31')).toBe(false);
    expect(startsTooEarly(null, '2027-03-31')).toBe(false);
    expect(startsTooEarly('2027-03-01', null)).toBe(false);
  });
});

describe('dependencyDateProblem', () => {
  const p = { id: 'P', title: 'Data platform', startDate: '2026-09-01', endDate: '2027-03-31' };
  it('refuses a dependent that starts on or before the prerequisite’s last day', () => {
    const message = "'CRM' starts on 2027-03-31, but 'Data platform' runs until 2027-03-31: an initiative must start after the last day of "
      + 'one it depends on (on or after 2027-04-01). Move the dates first.';
    expect(dependencyDateProblem({ id: 'D', title: 'CRM', startDate: '2027-03-31', endDate: null }, p)).toBe(message);
    expect(dependencyDateProblem({ id: 'D', title: 'CRM', startDate: '2027-01-01', endDate: null }, p)).toMatch(/^'CRM' starts on 2027-01-01, but/);
  });
  it('accepts the day after, later, or an open date', () => {
    expect(dependencyDateProblem({ id: 'D', title: 'CRM', startDate: '2027-04-01', endDate: null }, p)).toBeNull();
    expect(dependencyDateProblem({ id: 'D', title: 'CRM', startDate: null, endDate: '2027-01-01' }, p)).toBeNull();
    expect(dependencyDateProblem({ id: 'D', title: 'CRM', startDate: '2027-01-01', endDate: null }, { ...p, endDate: null })).toBeNull();
  });
});
