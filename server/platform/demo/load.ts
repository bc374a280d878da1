import { randomBytes } from 'node:crypto';
import { createInitiative } from '../../strategy/initiatives.store';
import { createGoal } from '../../strategy/goals.store';
import { createLink } from '../../strategy/links.store';
import { type AuditContext, recordAudit } from '../audit/record';
import { createBusinessUnit } from '../business-units/store';
import type { Queryable } from '../db/client';
import { memberships } from '../tables';
import { createUser, findUserByEmail } from '../users/store';
import { createWorkspace } from '../workspaces/store';
import * as acme from './acme';

/**
 * Creates the demo workspace "Acme Logistics" with ownerUserId as its owner, through the same
 * store functions the API uses (so everything is audited). The demo colleagues get accounts
 * with random passwords: they appear as owners and liaisons, and nobody can sign in as them.
 */
export async function loadDemoWorkspace(tx: Queryable, audit: AuditContext, ownerUserId: string) {
  const ws = await createWorkspace(tx, audit, { name: 'Acme Logistics', ownerUserId });
  const person = new Map<string, string>([['owner', ownerUserId]]);
  for (const p of acme.people) {
    const user = (await findUserByEmail(tx, p.email)) ?? (await createUser(tx, audit, { name: p.name, email: p.email, password: randomBytes(24).toString('hex') }));
    person.set(p.key, user.id);
    await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: p.role });
    await recordAudit(tx, audit, { workspaceId: ws.id, action: 'member.add', entityType: 'member', entityId: user.id, after: { userId: user.id, role: p.role } });
  }
  const who = (key: string | null) => (key ? (person.get(key) ?? null) : null);

  const unit = new Map<string, string>();
  for (const u of acme.units) {
    const row = await createBusinessUnit(tx, audit, ws.id, {
      name: u.name, description: u.description, headUserId: who(u.head), liaisonUserId: who(u.liaison), sponsorUserId: who(u.sponsor),
    });
    unit.set(u.key, row.id);
  }
  const unitOf = (key: string | null) => (key ? (unit.get(key) ?? null) : null);

  const goal = new Map<string, string>();
  for (const g of acme.goals) {
    const created = await createGoal(tx, audit, ws.id, {
      title: g.title, description: g.description, ownerUserId: who(g.owner), businessUnitId: unitOf(g.unit),
      weight: g.weight, status: g.status, startDate: g.start, endDate: g.end,
    });
    goal.set(g.key, created.id);
  }
  const initiative = new Map<string, string>();
  for (const i of acme.initiatives) {
    const created = await createInitiative(tx, audit, ws.id, {
      title: i.title, description: i.description, ownerUserId: who(i.owner), businessUnitId: unitOf(i.unit), status: i.status,
      startDate: i.start, endDate: i.end, capex: i.capex, opex: i.opex, effortDays: i.effort,
    });
    initiative.set(i.key, created.id);
  }
  for (const l of acme.links) {
    await createLink(tx, audit, ws.id, { goalId: goal.get(l.goal)!, initiativeId: initiative.get(l.initiative)!, strength: l.strength, rationale: l.rationale });
  }
  return ws;
}
