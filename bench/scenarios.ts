import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../server/platform/db/schema';
import { listGoals } from '../server/strategy/goals.store';
import { getInitiative, listInitiatives } from '../server/strategy/initiatives.store';
import type { SqlRun } from './measure';
import type { SeededWorkspace } from './seed';

/** One SQL statement as Drizzle sent it. */
interface Statement {
  text: string;
  values: unknown[];
}

/** What is measured: API paths (requested round-robin) and, per path, the store's data statements. */
export interface Scenario {
  name: 'goal-list' | 'initiative-list-by-unit' | 'initiative-detail';
  paths: string[];
  statements: Statement[][];
  /** The ids an API response shows, to compare with the first column of the first statement. */
  idsOf(json: any): string[];
}

/**
 * Calls the strategy store exactly as the routes do, on a Drizzle instance that records each
 * statement; the SQL floor then replays those statements through plain pg. The floor is the
 * data query alone: no token, membership or workspace lookups, no JSON serialisation.
 */
async function capture(url: string, calls: ((db: ReturnType<typeof drizzle<typeof schema>>) => Promise<unknown>)[]): Promise<Statement[][]> {
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'tandem-bench-capture' });
  pool.on('error', () => {});
  let current: Statement[] = [];
  const db = drizzle(pool, { schema, casing: 'snake_case', logger: { logQuery: (text, values) => current.push({ text, values }) } });
  try {
    const out: Statement[][] = [];
    for (const call of calls) {
      current = [];
      await call(db);
      out.push(current);
    }
    return out;
  } finally {
    await pool.end();
  }
}

/** The three scenarios on the seeded workspace. */
export async function buildScenarios(url: string, seeded: SeededWorkspace): Promise<Scenario[]> {
  const ws = `/api/v1/workspaces/${seeded.slug}`;
  const unitId = seeded.unitIds[0]!;
  const list = (json: any) => (json.items as { id: string }[]).map((i) => i.id);
  return [
    {
      name: 'goal-list',
      paths: [`${ws}/goals?limit=50`],
      statements: await capture(url, [(db) => listGoals(db, seeded.workspaceId, { includeArchived: false }, 50, undefined)]),
      idsOf: list,
    },
    {
      name: 'initiative-list-by-unit',
      paths: [`${ws}/initiatives?businessUnitId=${unitId}&limit=50`],
      statements: await capture(url, [(db) => listInitiatives(db, seeded.workspaceId, { includeArchived: false, businessUnitId: unitId }, 50, undefined)]),
      idsOf: list,
    },
    {
      name: 'initiative-detail',
      paths: seeded.sampleInitiativeIds.map((id) => `${ws}/initiatives/${id}`),
      statements: await capture(url, seeded.sampleInitiativeIds.map((id) => (db) => getInitiative(db, seeded.workspaceId, id))),
      idsOf: (json: any) => [json.id as string],
    },
  ];
}

/** Replays the i-th (round-robin) path's statements in order, rows as arrays like Drizzle. */
export function sqlRun(s: Scenario): SqlRun {
  return async (pool, i) => {
    let first: unknown[][] | undefined;
    for (const st of s.statements[i % s.statements.length]!) {
      const r = await pool.query<unknown[]>({ text: st.text, values: st.values, rowMode: 'array' });
      first ??= r.rows;
    }
    return first;
  };
}

/**
 * Requests every path once: each must answer 200 with the rows the replayed SQL returns, so the
 * floor measures the same work. Returns a problem, or null when all agree.
 */
export async function verify(baseUrl: string, token: string, s: Scenario, url: string): Promise<string | null> {
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'tandem-bench-verify' });
  pool.on('error', () => {});
  const run = sqlRun(s);
  try {
    for (const [i, path] of s.paths.entries()) {
      const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) return `GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`;
      const apiIds = s.idsOf(await res.json());
      const rows = (await run(pool, i)) as unknown[][];
      const sqlIds = rows.slice(0, apiIds.length).map((r) => r[0]);
      if (apiIds.length === 0 || JSON.stringify(apiIds) !== JSON.stringify(sqlIds)) {
        return `GET ${path} returned ids ${JSON.stringify(apiIds.slice(0, 3))}…, the replayed SQL ${JSON.stringify(sqlIds.slice(0, 3))}…`;
      }
    }
    return null;
  } finally {
    await pool.end();
  }
}
