import { describe, expect, it } from 'vitest';
import { COBIT_2019, GOAL_TEMPLATES, goalTemplate, GoalTemplateSchema } from './templates';

describe('COBIT 2019 goals cascade', () => {
  const goals = COBIT_2019.goals;

  it('has the 13 enterprise goals and the 13 alignment goals, in order', () => {
    expect(goals).toHaveLength(26);
    const codes = goals.map((g) => g.code);
    expect(codes.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `EG${String(i + 1).padStart(2, '0')}`));
    expect(codes.slice(13)).toEqual(Array.from({ length: 13 }, (_, i) => `AG${String(i + 1).padStart(2, '0')}`));
    expect(goals[0]!.title).toBe('EG01 Portfolio of competitive products and services');
    expect(goals[12]!.title).toBe('EG13 Product and business innovation');
    expect(goals[19]!.title).toBe('AG07 Security of information, processing infrastructure and applications, and privacy');
  });

  it('has unique keys, each prefixed with the template', () => {
    const keys = goals.map((g) => g.templateKey);
    expect(new Set(keys).size).toBe(26);
    expect(keys.every((k, i) => k === `cobit2019:${goals[i]!.code}`)).toBe(true);
  });

  it('puts every enterprise goal at the top and every alignment goal under an enterprise goal listed before it', () => {
    const eg = goals.filter((g) => g.code.startsWith('EG'));
    expect(eg.every((g) => g.parentCode === null)).toBe(true);
    goals.forEach((g, i) => {
      if (!g.code.startsWith('AG')) return;
      expect(g.parentCode, g.code).toMatch(/^EG\d\d$/);
      expect(goals.slice(0, i).some((p) => p.code === g.parentCode), g.code).toBe(true);
    });
  });

  it('maps each alignment goal to the enterprise goal it chiefly serves', () => {
    const parent = Object.fromEntries(goals.filter((g) => g.parentCode).map((g) => [g.code, g.parentCode]));
    expect(parent).toEqual({
      AG01: 'EG03', AG02: 'EG02', AG03: 'EG01', AG04: 'EG04', AG05: 'EG05', AG06: 'EG13', AG07: 'EG06',
      AG08: 'EG08', AG09: 'EG12', AG10: 'EG07', AG11: 'EG11', AG12: 'EG10', AG13: 'EG13',
    });
  });

  it('describes every goal in a paragraph, and says the mapping is simplified and editable', () => {
    for (const g of goals) expect(g.description.length, g.code).toBeGreaterThan(80);
    expect(COBIT_2019.description).toMatch(/secondary relationships/);
    expect(COBIT_2019.description).toMatch(/after the import/);
  });

  it('is listed and found by id, and fits its schema', () => {
    expect(GOAL_TEMPLATES.map((t) => t.id)).toEqual(['cobit2019']);
    expect(goalTemplate('cobit2019')).toBe(COBIT_2019);
    expect(goalTemplate('itil')).toBeUndefined();
    expect(GoalTemplateSchema.parse(COBIT_2019).goals).toHaveLength(26);
  });
});
