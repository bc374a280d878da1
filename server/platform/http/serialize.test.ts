import { describe, expect, it } from 'vitest';
import { Problem } from '../../../domain/common';
import { Goal, InitiativeDetail } from '../../../domain/strategy/schemas';
import { responseSerializer } from './serialize';

const goal = {
  id: '0b5e3f52-8d43-4c39-9d3c-4a0f7c0b8a11', title: 'Cut "order-to-cash" time by 20 %', description: 'Line one\nline two é ✓',
  ownerUserId: null, businessUnitId: '6f3c1c1e-3d55-4e0e-9a77-5d0b4f0a2c22', weight: 40, status: 'active',
  startDate: '2026-01-01', endDate: null, createdAt: '2026-11-23T08:15:30.123Z', updatedAt: '2026-11-23T08:15:30.123Z',
  archivedAt: null, linkCount: 3, parentGoalId: null, themeId: '7a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6', progress: 0.25,
  keyResultCount: 2, childCount: 0, customFields: { '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d': ['Road', 'Rail'], other: 'a "quoted" value' },
};

const compile = (schema: unknown, check: boolean) => responseSerializer(check)({ schema, method: 'GET', url: '/x' });

describe('response serializer', () => {
  it('writes exactly what JSON.stringify of the validated value writes', () => {
    for (const check of [false, true]) {
      expect(JSON.parse(compile(Goal, check)(goal))).toEqual(goal);
      expect(compile(Goal, check)(goal)).toBe(JSON.stringify(Goal.encode(goal as never)));
    }
    const { parentGoalId: _p, themeId: _t, progress: _pr, keyResultCount: _k, childCount: _c, ...common } = goal;
    const detail = {
      ...common, status: 'planned', kind: 'project', teamId: null, parentInitiativeId: null, riskLevel: 'high',
      capex: 1250.5, opex: 0, effortDays: 12.5, milestoneCount: 1, dependsOnCount: 0, dependentCount: 2,
      milestones: [{ id: goal.id, initiativeId: goal.id, title: 'Go-live', description: '', dueDate: '2026-06-30', doneOn: null, createdAt: goal.createdAt, updatedAt: goal.updatedAt }],
      dependsOn: [], dependents: [],
      links: [
        { id: goal.id, goalId: goal.id, goalTitle: 'G', initiativeId: goal.id, initiativeTitle: 'I', strength: 'strong', rationale: '',
          createdAt: goal.createdAt, updatedAt: goal.updatedAt },
      ],
    };
    delete (detail as { weight?: number }).weight;
    expect(JSON.parse(compile(InitiativeDetail, false)(detail))).toEqual(detail);
  });

  it('never writes a property the schema does not declare', () => {
    const out = JSON.parse(compile(Goal, false)({ ...goal, passwordHash: 'secret', workspaceId: 'x' }));
    expect(out).not.toHaveProperty('passwordHash');
    expect(out).not.toHaveProperty('workspaceId');
  });

  it('keeps problem details with their field paths', () => {
    const problem = { type: 'about:blank', title: 'Invalid request', status: 400, detail: 'body.title: Required', errors: [{ path: 'body.title', message: 'Required' }] };
    expect(JSON.parse(compile(Problem, false)(problem))).toMatchObject(problem);
  });

  it('with checks on, refuses a response of the wrong shape instead of coercing it', () => {
    expect(() => compile(Goal, true)({ ...goal, weight: 'heavy' })).toThrow();
    expect(() => compile(Goal, true)({ ...goal, createdAt: new Date() })).toThrow();
  });
});
