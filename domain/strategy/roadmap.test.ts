import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, barExtent, csvCell, dateAtX, dateOfDay, dayNumber, daysBetween, draggedDates, laneField, LaneBy, laneOf, packRows,
  pxPerDay, resolveWindow, RoadmapQuery, scaleRows, shiftWindow, snapDays, startOfQuarter, themeOf, toCsv, windowFor, windowProblem, xOf,
  type ThemeLink,
} from './roadmap';

describe('dates', () => {
  it('counts days in UTC', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dateOfDay(19723)).toBe('2024-01-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, keeping the day or the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
    expect(addMonths('2026-02-01', -3)).toBe('2025-11-01');
    expect(addMonths('2026-01-01', 60)).toBe('2031-01-01');
    expect(startOfQuarter('2026-08-17')).toBe('2026-07-01');
    expect(startOfQuarter('2026-12-31')).toBe('2026-10-01');
  });
});

describe('window', () => {
  it('opens each zoom around the anchor and steps through time', () => {
    expect(windowFor('months', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-10-01' });
    expect(windowFor('quarters', '2026-05-20')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(windowFor('years', '2026-05-20')).toEqual({ from: '2025-01-01', to: '2030-01-01' });
    expect(shiftWindow('months', { from: '2026-04-01', to: '2026-10-01' }, 1)).toEqual({ from: '2026-07-01', to: '2027-01-01' });
    expect(shiftWindow('quarters', { from: '2026-01-01', to: '2027-01-01' }, -1)).toEqual({ from: '2025-10-01', to: '2026-10-01' });
    expect(shiftWindow('years', { from: '2025-01-01', to: '2030-01-01' }, 1)).toEqual({ from: '2026-01-01', to: '2031-01-01' });
  });

  it('fills in a missing end and refuses backwards or over-long windows', () => {
    expect(resolveWindow(undefined, undefined, '2026-05-20')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(resolveWindow('2026-03-15', undefined, '2026-05-20')).toEqual({ from: '2026-03-15', to: '2027-03-15' });
    expect(resolveWindow(undefined, '2026-03-15', '2026-05-20')).toEqual({ from: '2025-03-15', to: '2026-03-15' });
    expect(windowProblem({ from: '2026-01-01', to: '2026-01-02' })).toBeNull();
    expect(windowProblem({ from: '2026-01-01', to: '2026-01-01' })).toBe('must be after from');
    expect(windowProblem({ from: '2026-01-01', to: '2025-12-31' })).toBe('must be after from');
    expect(windowProblem({ from: '2026-01-01', to: '2031-01-01' })).toBeNull(); // exactly 5 years
    expect(windowProblem({ from: '2026-01-01', to: '2031-01-02' })).toBe('must be at most 5 years after from');
  });
});

describe('time scale', () => {
  it('labels months under their years, clipped to the window', () => {
    const [years, months] = scaleRows('months', { from: '2026-11-15', to: '2027-02-01' });
    expect(years).toEqual([
      { start: '2026-11-15', end: '2027-01-01', label: '2026' },
      { start: '2027-01-01', end: '2027-02-01', label: '2027' },
    ]);
    expect(months).toEqual([
      { start: '2026-11-15', end: '2026-12-01', label: 'Nov' },
      { start: '2026-12-01', end: '2027-01-01', label: 'Dec' },
      { start: '2027-01-01', end: '2027-02-01', label: 'Jan' },
    ]);
  });

  it('labels quarters and years', () => {
    const [years, quarters] = scaleRows('quarters', { from: '2026-01-01', to: '2027-01-01' });
    expect(years).toEqual([{ start: '2026-01-01', end: '2027-01-01', label: '2026' }]);
    expect(quarters!.map((q) => `${q.label} ${q.start}`)).toEqual(['Q1 2026-01-01', 'Q2 2026-04-01', 'Q3 2026-07-01', 'Q4 2026-10-01']);
    const only = scaleRows('years', { from: '2025-01-01', to: '2030-01-01' });
    expect(only).toHaveLength(1);
    expect(only[0]!.map((y) => y.label)).toEqual(['2025', '2026', '2027', '2028', '2029']);
  });
});

describe('positions', () => {
  // January 2026: 31 days on 310 px → 10 px a day.
  const jan = { from: '2026-01-01', to: '2026-02-01' };

  it('maps dates to x and back', () => {
    expect(pxPerDay(jan, 310)).toBe(10);
    expect(xOf('2026-01-01', jan, 310)).toBe(0);
    expect(xOf('2026-01-11', jan, 310)).toBe(100);
    expect(xOf('2025-12-31', jan, 310)).toBe(-10);
    expect(dateAtX(0, jan, 310)).toBe('2026-01-01');
    expect(dateAtX(105, jan, 310)).toBe('2026-01-11');
    expect(dateAtX(109.9, jan, 310)).toBe('2026-01-11');
    expect(dateAtX(110, jan, 310)).toBe('2026-01-12');
  });

  it('draws a bar to the end of its last day, clipped to the window', () => {
    expect(barExtent('2026-01-11', '2026-01-20', jan, 310)).toEqual({ x: 100, width: 100, clippedStart: false, clippedEnd: false });
    expect(barExtent('2026-01-05', '2026-01-05', jan, 310)).toEqual({ x: 40, width: 10, clippedStart: false, clippedEnd: false });
    expect(barExtent('2025-12-01', '2026-01-02', jan, 310)).toEqual({ x: 0, width: 20, clippedStart: true, clippedEnd: false });
    expect(barExtent('2026-01-31', '2026-03-01', jan, 310)).toEqual({ x: 300, width: 10, clippedStart: false, clippedEnd: true });
    expect(barExtent('2026-02-01', '2026-03-01', jan, 310)).toBeNull();
    expect(barExtent('2025-11-01', '2025-12-31', jan, 310)).toBeNull();
  });

  it('snaps a drag to whole days', () => {
    expect(snapDays(14, jan, 310)).toBe(1);
    expect(snapDays(15, jan, 310)).toBe(2); // 1.5 days rounds up
    expect(snapDays(-14, jan, 310)).toBe(-1);
    expect(snapDays(4, jan, 310)).toBe(0);
    expect(Object.is(snapDays(-4, jan, 310), 0)).toBe(true);
  });

  it('moves and resizes, never past the other end', () => {
    expect(draggedDates('move', '2026-01-10', '2026-01-20', 5)).toEqual({ startDate: '2026-01-15', endDate: '2026-01-25' });
    expect(draggedDates('move', '2026-01-10', '2026-01-20', -10)).toEqual({ startDate: '2025-12-31', endDate: '2026-01-10' });
    expect(draggedDates('start', '2026-01-10', '2026-01-20', 3)).toEqual({ startDate: '2026-01-13', endDate: '2026-01-20' });
    expect(draggedDates('start', '2026-01-10', '2026-01-20', 30)).toEqual({ startDate: '2026-01-20', endDate: '2026-01-20' });
    expect(draggedDates('end', '2026-01-10', '2026-01-20', -4)).toEqual({ startDate: '2026-01-10', endDate: '2026-01-16' });
    expect(draggedDates('end', '2026-01-10', '2026-01-20', -30)).toEqual({ startDate: '2026-01-10', endDate: '2026-01-10' });
  });
});

describe('lanes', () => {
  const link = (themeId: string, themeName: string, strength: ThemeLink['strength'], goalWeight: number): ThemeLink => ({ themeId, themeName, strength, goalWeight });

  it('puts an initiative in the theme of its strongest link', () => {
    expect(themeOf([])).toBeNull();
    expect(themeOf([link('t1', 'Growth', 'weak', 90), link('t2', 'Cost', 'strong', 10)])).toBe('t2');
    expect(themeOf([link('t2', 'Cost', 'medium', 10), link('t1', 'Growth', 'medium', 90)])).toBe('t1'); // tie → heavier goal
    expect(themeOf([link('t1', 'growth', 'strong', 50), link('t2', 'Cost', 'strong', 50)])).toBe('t2'); // tie → name, case ignored
    expect(themeOf([link('t2', 'Cost', 'strong', 50), link('t1', 'cost', 'strong', 50)])).toBe('t1'); // same name → id
    // The order links come in changes nothing.
    const links = [link('a', 'Alpha', 'medium', 40), link('b', 'Beta', 'strong', 20), link('c', 'Gamma', 'strong', 20)];
    expect(themeOf(links)).toBe('b');
    expect(themeOf([...links].reverse())).toBe('b');
  });

  it('reads the unit, the team or a single-choice value', () => {
    const field = '6f1c1b3e-1111-4222-8333-444455556666';
    const item = { businessUnitId: 'u1', teamId: null, customFields: { [field]: 'Wave 2', other: 3 } };
    expect(laneOf('businessUnit', item)).toBe('u1');
    expect(laneOf('team', item)).toBeNull();
    expect(laneOf(`field:${field}`, item)).toBe('Wave 2');
    expect(laneOf(`field:${field.toUpperCase()}`, item)).toBe('Wave 2');
    expect(laneOf(`field:${field}`, { ...item, customFields: { [field]: ['a'] } })).toBeNull();
    expect(laneOf(`field:${field}`, { ...item, customFields: {} })).toBeNull();
    expect(laneOf('theme', { ...item, themeLinks: [link('t9', 'Nine', 'weak', 1)] })).toBe('t9');
    expect(laneField(`field:${field}`)).toBe(field);
    expect(laneField('team')).toBeNull();
    expect(LaneBy.safeParse('field:nope').success).toBe(false);
    expect(LaneBy.safeParse('owner').success).toBe(false);
  });

  it('packs overlapping bars into the fewest rows', () => {
    const { rowOf, rows } = packRows([
      { id: 'a', startDate: '2026-01-01', endDate: '2026-01-10' },
      { id: 'b', startDate: '2026-01-10', endDate: '2026-01-15' }, // touches a's last day: overlaps
      { id: 'c', startDate: '2026-01-11', endDate: '2026-01-20' }, // a is free by then
      { id: 'd', startDate: '2026-01-16', endDate: '2026-01-18' }, // b is free by then
      { id: 'e', startDate: '2026-01-05', endDate: '2026-01-25' },
    ]);
    expect(Object.fromEntries(rowOf)).toEqual({ a: 0, e: 1, b: 2, c: 0, d: 2 });
    expect(rows).toBe(3);
    expect(packRows([]).rows).toBe(0);
  });
});

describe('query', () => {
  it('reads a status list and defaults', () => {
    const q = RoadmapQuery.parse({ status: 'planned, in_progress' });
    expect(q).toMatchObject({ status: ['planned', 'in_progress'], lane: 'theme', limit: 1000 });
    expect(RoadmapQuery.safeParse({ status: 'planned,someday' }).success).toBe(false);
  });
});

describe('csv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1,5')).toBe(`"'-1,5"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(toCsv([['a', 'b'], ['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
