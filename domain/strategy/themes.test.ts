import { describe, expect, it } from 'vitest';
import { effectiveThemeId, effectiveThemes, type ThemedGoal } from './themes';

const g = (id: string, parentGoalId: string | null, themeId: string | null): ThemedGoal => ({ id, parentGoalId, themeId });

describe('effectiveThemes (a goal’s own theme, else its nearest ancestor’s)', () => {
  // company (T1) → unit (none) → team (none); unit2 (T2) under company; loose (none) at the top.
  const goals = [g('company', null, 'T1'), g('unit', 'company', null), g('team', 'unit', null), g('unit2', 'company', 'T2'), g('loose', null, null)];

  it('gives a goal its own theme, else the nearest ancestor’s, else none', () => {
    const themeOf = effectiveThemes(goals);
    expect(['company', 'unit', 'team', 'unit2', 'loose'].map(themeOf)).toEqual(['T1', 'T1', 'T1', 'T2', null]);
    expect(themeOf('unknown')).toBeNull();
    expect(effectiveThemeId('team', goals)).toBe('T1');
  });

  it('passes over a theme that is not live, as if unset', () => {
    const themeOf = effectiveThemes([...goals, g('child-of-unit2', 'unit2', null)], (t) => t !== 'T2');
    expect(themeOf('unit2')).toBe('T1');
    expect(themeOf('child-of-unit2')).toBe('T1');
  });

  it('walks through ancestors it is given (archived ones too) and stops at a parent it is not given', () => {
    expect(effectiveThemeId('orphan', [g('orphan', 'missing', null)])).toBeNull();
    expect(effectiveThemeId('b', [g('a', null, 'T'), g('b', 'a', null)])).toBe('T');
  });

  it('ends a cycle (refused by the API) without looping', () => {
    const themeOf = effectiveThemes([g('a', 'b', null), g('b', 'a', null), g('c', 'a', null)]);
    expect(themeOf('a')).toBeNull();
    expect(themeOf('c')).toBeNull();
    expect(effectiveThemeId('x', [g('x', 'y', null), g('y', 'x', 'T')])).toBe('T');
  });

  it('answers the same whatever the order goals are looked up in (memoised)', () => {
    const deep = Array.from({ length: 500 }, (_, k) => g(`n${k}`, k === 0 ? null : `n${k - 1}`, k === 0 ? 'ROOT' : null));
    const bottomFirst = effectiveThemes(deep);
    expect(bottomFirst('n499')).toBe('ROOT');
    expect(deep.every((n) => bottomFirst(n.id) === 'ROOT')).toBe(true);
  });
});
