import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit, systemAudit } from '../platform/audit/record';
import type { Database } from '../platform/db/client';
import { businessUnits, invitations, memberships, users, workspaces } from '../platform/tables';
import { goalLinks, goals, initiatives } from '../strategy/tables';
import type { CliContext } from './context';

/** A command context on a test database; what the command prints is collected in `lines`. */
export function cliContext(db: { url: string; database: Database }): CliContext & { lines: string[] } {
  const lines: string[] = [];
  return { url: db.url, database: db.database, say: (line) => lines.push(line), lines };
}

/**
 * Rows in most tables of one workspace, with the values that are easy to get wrong in transit:
 * exact money, dates, nulls, JSON, quotes and line breaks, users shared with another workspace.
 */
export async function sampleWorkspace(database: Database, workspaceId: string, ownerUserId: string) {
  const { db } = database;
  const tag = randomBytes(3).toString('hex');
  const people = await db
    .insert(users)
    .values([
      { email: `mia-${tag}@example.com`, name: 'Mia "Member" O\'Neil', passwordHash: 'not-a-real-hash-1' },
      { email: `vic-${tag}@example.com`, name: 'Vic Viewer\nsecond line', passwordHash: 'not-a-real-hash-2' },
    ])
    .returning();
  const [mia, vic] = [people[0]!, people[1]!];
  await db.insert(memberships).values([
    { workspaceId, userId: mia.id, role: 'member' },
    { workspaceId, userId: vic.id, role: 'viewer' },
  ]);
  const [ops, sales] = await db
    .insert(businessUnits)
    .values([
      { workspaceId, name: 'Operations', description: 'Trucks & depots', headUserId: mia.id, liaisonUserId: ownerUserId },
      { workspaceId, name: 'Sales', sponsorUserId: vic.id, archivedAt: new Date('2024-02-29T23:59:59.123Z') },
    ])
    .returning();
  const gs = await db
    .insert(goals)
    .values([
      { workspaceId, title: 'Cut fuel cost', ownerUserId: mia.id, businessUnitId: ops!.id, weight: 80, status: 'active', startDate: '2025-01-01', endDate: '2025-12-31' },
      { workspaceId, title: 'Grow → 20 %', businessUnitId: sales!.id, weight: 1, status: 'draft' },
      { workspaceId, title: 'Retired goal', weight: 100, status: 'missed', archivedAt: new Date() },
    ])
    .returning();
  const is = await db
    .insert(initiatives)
    .values([
      { workspaceId, title: 'Route optimiser', ownerUserId, businessUnitId: ops!.id, status: 'in_progress', capex: '999999999999.99', opex: '0.01', effortDays: '123456789.5' },
      { workspaceId, title: 'CRM refresh', status: 'planned', capex: '1234.50', opex: '99.99', effortDays: '0.5', startDate: '2025-03-01' },
    ])
    .returning();
  await db.insert(goalLinks).values([
    { workspaceId, goalId: gs[0]!.id, initiativeId: is[0]!.id, strength: 'strong', rationale: 'Fewer kilometres' },
    { workspaceId, goalId: gs[1]!.id, initiativeId: is[1]!.id, strength: 'weak' },
    { workspaceId, goalId: gs[0]!.id, initiativeId: is[1]!.id, strength: 'medium' },
  ]);
  await db.insert(invitations).values({
    workspaceId, email: `new-${tag}@example.com`, role: 'member', tokenHash: randomBytes(32).toString('hex'), createdBy: ownerUserId,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await recordAudit(db, { ...systemAudit, actorUserId: ownerUserId, ip: '192.0.2.7' }, {
    workspaceId, action: 'goal.create', entityType: 'goal', entityId: gs[0]!.id, after: { id: gs[0]!.id, ownerUserId: mia.id, nested: [{ unit: ops!.id }] },
  });
  return { mia, vic, goals: gs, initiatives: is };
}

/** A second workspace sharing a user, whose rows must never leak into the first one's export. */
export async function otherWorkspace(database: Database, sharedUserId: string) {
  const [ws] = await database.db.insert(workspaces).values({ slug: `other-${randomBytes(3).toString('hex')}`, name: 'Other Co' }).returning();
  await database.db.insert(memberships).values({ workspaceId: ws!.id, userId: sharedUserId, role: 'admin' });
  await database.db.insert(goals).values({ workspaceId: ws!.id, title: 'Not yours', ownerUserId: sharedUserId });
  return ws!;
}

/** Many audit rows at once (for paging through cursors and batches). */
export async function manyAuditRows(database: Database, workspaceId: string, n: number) {
  await database.db.execute(sql`
    insert into audit_log (workspace_id, action, entity_type, entity_id, after, at)
    select ${workspaceId}::uuid, 'bulk.test', 'thing', ${randomUUID()} || '-' || g, jsonb_build_object('n', g, 'text', repeat('x', g % 50)),
           now() - make_interval(secs => g)
      from generate_series(1, ${n}::int) g`);
}
