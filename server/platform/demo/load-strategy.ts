import { CreateCapability, CreateCapabilityLink } from '../../../domain/strategy/capabilities';
import { CreateCustomField } from '../../../domain/strategy/custom-fields';
import { CreateDependency } from '../../../domain/strategy/dependencies';
import { CreateCheckIn, CreateKeyResult } from '../../../domain/strategy/key-results';
import { CreateMilestone, UpdateMilestone } from '../../../domain/strategy/milestones';
import { CreateGoal, UpdateGoal, UpdateInitiative } from '../../../domain/strategy/schemas';
import { CreateTheme, PutVision } from '../../../domain/strategy/themes';
import { CreateTeam } from '../../../domain/platform/teams';
import { createCapability, createCapabilityLink } from '../../strategy/capabilities/store';
import { createCustomField, putCustomFieldValues } from '../../strategy/custom-fields/store';
import { createDependency } from '../../strategy/dependencies/store';
import { createGoal, updateGoal } from '../../strategy/goals.store';
import { createLink } from '../../strategy/links.store';
import { updateInitiative } from '../../strategy/initiatives.store';
import { createCheckIn, createKeyResult } from '../../strategy/key-results/store';
import { createMilestone, updateMilestone } from '../../strategy/milestones/store';
import { createTheme, putVision } from '../../strategy/themes/store';
import type { AuditContext } from '../audit/record';
import type { Queryable } from '../db/client';
import { createTeam } from '../teams/store';
import * as s from './acme-strategy';

export interface StrategyRefs {
  workspaceId: string;
  who: (key: string | null) => string | null;
  unitOf: (key: string | null) => string | null;
  goal: Map<string, string>;
  initiative: Map<string, string>;
}

/**
 * The demo's strategy beyond goals, initiatives and links (acme-strategy.ts), through the same
 * store functions the API uses: vision, themes and company goals above the unit goals, key
 * results with their check-in history, teams, milestones, dependencies, the capability map and
 * custom fields. Adds the company goals to `goal`.
 */
export async function loadStrategy(tx: Queryable, audit: AuditContext, refs: StrategyRefs): Promise<void> {
  const { workspaceId: ws, who, unitOf, goal, initiative } = refs;
  const req = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`The demo refers to an unknown key: ${key}`);
    return v;
  };

  await putVision(tx, audit, ws, PutVision.parse(s.vision));
  const theme = new Map<string, string>();
  for (const [position, t] of s.themes.entries()) {
    const created = await createTheme(tx, audit, ws, CreateTheme.parse({ name: t.name, description: t.description, ownerUserId: who(t.owner), color: t.color, position }));
    theme.set(t.key, created.id);
  }
  for (const g of s.companyGoals) {
    const created = await createGoal(tx, audit, ws, CreateGoal.parse({
      title: g.title, description: g.description, ownerUserId: who(g.owner), weight: g.weight, status: 'active',
      themeId: req(theme, g.theme), startDate: g.start, endDate: g.end,
    }));
    goal.set(g.key, created.id);
  }
  for (const l of s.companyLinks) {
    await createLink(tx, audit, ws, { goalId: req(goal, l.goal), initiativeId: req(initiative, l.initiative), strength: l.strength, rationale: l.rationale });
  }
  for (const [key, place] of Object.entries(s.goalPlacement)) {
    await updateGoal(tx, audit, ws, req(goal, key), UpdateGoal.parse({
      themeId: req(theme, place.theme), ...(place.parent ? { parentGoalId: req(goal, place.parent) } : {}),
    }));
  }
  for (const [position, kr] of s.keyResults.entries()) {
    const created = await createKeyResult(tx, audit, ws, req(goal, kr.goal), CreateKeyResult.parse({
      title: kr.title, unit: kr.unit, direction: kr.direction, baseline: kr.baseline, target: kr.target,
      weight: kr.weight, ownerUserId: who(kr.owner), position,
    }));
    for (const c of kr.checkins) {
      await createCheckIn(tx, audit, ws, created.id, CreateCheckIn.parse({ value: c.value, comment: c.comment ?? '', confidence: c.confidence ?? null }),
        new Date(`${c.on}T16:00:00Z`));
    }
  }

  const team = new Map<string, string>();
  for (const t of s.teams) {
    const created = await createTeam(tx, audit, ws, CreateTeam.parse({ name: t.name, description: t.description, leadUserId: who(t.lead), businessUnitId: unitOf(t.unit) }));
    team.set(t.key, created.id);
  }
  for (const [key, d] of Object.entries(s.initiativeDetails)) {
    await updateInitiative(tx, audit, ws, req(initiative, key), UpdateInitiative.parse({ kind: d.kind, teamId: req(team, d.team), riskLevel: d.risk }));
  }
  for (const m of s.milestones) {
    const created = await createMilestone(tx, audit, ws, req(initiative, m.initiative), CreateMilestone.parse({ title: m.title, dueDate: m.due }));
    if (m.done) await updateMilestone(tx, audit, ws, created.id, UpdateMilestone.parse({ doneOn: m.done }));
  }
  for (const d of s.dependencies) {
    await createDependency(tx, audit, ws, req(initiative, d.initiative), CreateDependency.parse({ dependsOnId: req(initiative, d.dependsOn), note: d.note }));
  }

  for (const [position, top] of s.capabilities.entries()) {
    const parent = await createCapability(tx, audit, ws, CreateCapability.parse({ name: top.name, description: top.description ?? '', position }));
    for (const [childPosition, c] of top.children.entries()) {
      const child = await createCapability(tx, audit, ws, CreateCapability.parse({
        name: c.name, description: c.description ?? '', parentId: parent.id, position: childPosition,
        currentMaturity: c.current ?? null, targetMaturity: c.target ?? null,
      }));
      for (const g of c.goals ?? []) await createCapabilityLink(tx, audit, ws, child.id, CreateCapabilityLink.parse({ goalId: req(goal, g) }));
      for (const i of c.initiatives ?? []) await createCapabilityLink(tx, audit, ws, child.id, CreateCapabilityLink.parse({ initiativeId: req(initiative, i) }));
    }
  }

  for (const [position, f] of s.initiativeFields.entries()) {
    const field = await createCustomField(tx, audit, ws, CreateCustomField.parse({
      entityType: 'initiative', label: f.label, type: f.type, options: f.options ?? [], position,
    }));
    for (const [key, value] of Object.entries(f.values)) {
      await putCustomFieldValues(tx, audit, ws, 'initiative', req(initiative, key), { [field.id]: value });
    }
  }
}
