import { beforeAll, describe, expect, it } from 'vitest';
import { startsTooEarly } from '../domain/strategy/dependencies';
import { secretHash } from '../server/platform/auth/secrets';
import type { Database } from '../server/platform/db/client';
import { freshDatabase } from '../server/test/harness';
import { checkSize, generateWorkspace, QUICK_SIZE, seedWorkspace, type SeededWorkspace } from './seed';

describe('bench seed (--quick size)', () => {
  let database: Database;
  let seeded: SeededWorkspace;
  const one = async (text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows[0];

  beforeAll(async () => {
    const fresh = await freshDatabase();
    database = fresh.database;
    seeded = await seedWorkspace(fresh.url, QUICK_SIZE);
  });

  it('writes the asked-for number of rows into one workspace', async () => {
    const counts = await one(
      `SELECT (SELECT count(*)::int FROM business_units WHERE workspace_id = $1) AS units,
              (SELECT count(*)::int FROM goals WHERE workspace_id = $1) AS goals,
              (SELECT count(*)::int FROM initiatives WHERE workspace_id = $1) AS initiatives,
              (SELECT count(*)::int FROM goal_links WHERE workspace_id = $1) AS links,
              (SELECT count(*)::int FROM workspaces) AS workspaces`,
      [seeded.workspaceId],
    );
    expect(counts).toEqual({ ...QUICK_SIZE, workspaces: 1 });
    expect(seeded.unitIds).toHaveLength(QUICK_SIZE.units);
    expect(seeded.sampleInitiativeIds.length).toBeGreaterThan(0);
  });

  it('links only goals and initiatives of the same workspace, each pair once', async () => {
    const r = await one(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE g.workspace_id = l.workspace_id AND i.workspace_id = l.workspace_id)::int AS same,
              count(DISTINCT (l.goal_id, l.initiative_id))::int AS pairs
       FROM goal_links l JOIN goals g ON g.id = l.goal_id JOIN initiatives i ON i.id = l.initiative_id`,
    );
    expect(r).toEqual({ n: QUICK_SIZE.links, same: QUICK_SIZE.links, pairs: QUICK_SIZE.links });
    const units = await one(
      `SELECT count(*)::int AS foreign FROM (
         SELECT business_unit_id FROM goals UNION ALL SELECT business_unit_id FROM initiatives
       ) x JOIN business_units u ON u.id = x.business_unit_id WHERE u.workspace_id <> $1`,
      [seeded.workspaceId],
    );
    expect(units.foreign).toBe(0);
  });

  it('gives the owner a read-scope token stored only as its hash', async () => {
    const r = await one(
      `SELECT t.scope, m.role FROM api_tokens t JOIN memberships m ON m.user_id = t.user_id
       WHERE t.token_hash = $1 AND m.workspace_id = $2`,
      [secretHash(seeded.token), seeded.workspaceId],
    );
    expect(r).toEqual({ scope: 'read', role: 'owner' });
    expect(seeded.token).toMatch(/^tdm_/);
    expect(await one('SELECT count(*)::int AS n FROM api_tokens WHERE token_hash = $1', [seeded.token])).toEqual({ n: 0 });
  });

  it('uses realistic statuses, dates and money', async () => {
    const r = await one(
      `SELECT count(DISTINCT status)::int AS statuses, bool_and(end_date >= start_date) AS ordered,
              sum(capex + opex) > 0 AS costs, bool_and(effort_days >= 0) AS effort
       FROM initiatives`,
    );
    expect(r).toEqual({ statuses: 6, ordered: true, costs: true, effort: true });
  });

  it('seeds dependencies that keep finish-to-start (the dependent starts after the prerequisite’s last day)', async () => {
    const r = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE a.start_date <= b.end_date)::int AS broken
       FROM initiative_dependencies d JOIN initiatives a ON a.id = d.initiative_id JOIN initiatives b ON b.id = d.depends_on_id
       WHERE d.workspace_id = $1`,
      [seeded.workspaceId],
    );
    expect(r.n).toBeGreaterThan(0);
    expect(r.broken).toBe(0);
    // The rule itself, from the domain, over the generated rows.
    const data = generateWorkspace(QUICK_SIZE, 20260101, seeded.userId);
    const byId = new Map(data.initiatives.map((i) => [i.id, i]));
    const broken = data.dependencies.filter((d) => startsTooEarly(byId.get(d.initiative_id as string)!.start_date, byId.get(d.depends_on_id as string)!.end_date));
    expect(broken).toEqual([]);
  });

  it('is deterministic and refuses impossible sizes', () => {
    const owner = '00000000-0000-4000-8000-000000000000';
    expect(generateWorkspace(QUICK_SIZE, 7, owner)).toEqual(generateWorkspace(QUICK_SIZE, 7, owner));
    expect(generateWorkspace(QUICK_SIZE, 8, owner).unitIds).not.toEqual(generateWorkspace(QUICK_SIZE, 7, owner).unitIds);
    expect(() => checkSize({ units: 1, goals: 2, initiatives: 2, links: 3 })).toThrow(/--links/);
    expect(() => checkSize({ ...QUICK_SIZE, goals: 0 })).toThrow(/--goals/);
  });
});
