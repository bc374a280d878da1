// The search benchmark: 100,000 documents in one workspace, a fixed mix of 1–3 word queries
// (with prefixes) through the store function the API uses, at a given concurrency.
// Alone: npx tsx bench/search.ts --url postgres://postgres@127.0.0.1:5432/tandem_search_bench
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { searchTerms } from '../domain/collaboration/search';
import { type Db, openDatabase } from '../server/platform/db/client';
import { applyMigrations, ensureDatabase } from '../server/platform/db/migrate';
import { searchableTypes } from '../server/collaboration/search/index';
import { searchDocumentsOf } from '../server/collaboration/search/store';
import { percentile } from './measure';
import { prng } from './seed';
import { titles } from './titles';

export interface SearchBenchOptions {
  /** Documents the workspace should hold (default 100,000); missing ones are seeded. */
  documents?: number;
  /** Seconds of measurement (default 10), after a 2 s warm-up. */
  seconds?: number;
  /** Queries in flight at once (default 8). */
  concurrency?: number;
}

export interface SearchBenchResult {
  p50: number;
  p95: number;
  p99: number;
  qps: number;
  documents: number;
}

/** What people type into a search box: single words, prefixes being typed, two and three words. */
export const QUERIES = [
  'cloud', 'migr', 'crm', 'infra', 'ware', 'payroll', 'e-invoicing', 'api gate', 'roll out nordics', 'migrate cloud',
  'reduce cost', 'upgrade erp', 'data wareh', 'customer portal', 'iso 27001', 'fleet tel', 'identity access', 'phase 2',
  'integrate crm erp', 'on-time delivery', 'back', 'rep', 'security team', 'planning round',
];

const TYPES = [['initiative', 0.45], ['goal', 0.2], ['action_item', 0.15], ['comment', 0.15], ['business_unit', 0.05]] as const;
const PATHS: Record<string, (id: string) => string> = {
  goal: (id) => `/goals/${id}`, initiative: (id) => `/initiatives/${id}`, business_unit: () => '/business-units',
  action_item: (id) => `/actions?item=${id}`, comment: (id) => `/goals/${id}`,
};

function document(r: () => number, i: number) {
  let x = r();
  const type = TYPES.find(([, w]) => (x -= w) < 0)?.[0] ?? 'initiative';
  const title = type === 'goal' ? titles.goal(r)
    : type === 'business_unit' ? titles.unit(i)
    : type === 'comment' ? `Comment on ${titles.initiative(r)}`
    : titles.initiative(r);
  const body = [
    type === 'goal' ? titles.goalDescription(r) : titles.initiativeDescription(r),
    titles.rationale(r),
    r() < 0.5 ? titles.initiative(r) : '',
  ].join(' ');
  const id = randomUUID();
  return { type, id, title, body, link: PATHS[type]!(id), archived: r() < 0.1 };
}

/** Adds documents until the workspace holds `target`; returns how many it holds. */
async function seed(db: Db, workspaceId: string, target: number): Promise<number> {
  const count = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from search_documents where workspace_id = ${workspaceId}`)).rows[0]!.n;
  let have = await count();
  const r = prng(have + 1);
  while (have < target) {
    const docs = Array.from({ length: Math.min(20_000, target - have) }, (_, k) => document(r, have + k));
    await db.execute(sql`
      insert into search_documents (workspace_id, entity_type, entity_id, title, body, link, archived)
      select ${workspaceId}::uuid, u.type, u.id, u.title, u.body, u.link, u.archived
      from unnest(${sql.param(docs.map((d) => d.type))}::text[], ${sql.param(docs.map((d) => d.id))}::uuid[],
                  ${sql.param(docs.map((d) => d.title))}::text[], ${sql.param(docs.map((d) => d.body))}::text[],
                  ${sql.param(docs.map((d) => d.link))}::text[], ${sql.param(docs.map((d) => d.archived))}::boolean[])
           as u(type, id, title, body, link, archived)`);
    have += docs.length;
  }
  // As autovacuum would have done by then: moves GIN's pending list into the index (a query
  // scans the pending list linearly: 150 ms instead of 20 right after a bulk load).
  await db.execute(sql`vacuum analyze search_documents`);
  return count();
}

/**
 * Seeds the workspace to 100,000 search documents (or opts.documents) when it holds fewer,
 * then runs QUERIES round-robin through searchDocumentsOf (limit 20, live documents, every
 * type) for opts.seconds at opts.concurrency. Latencies in milliseconds.
 */
export async function benchSearch(url: string, workspaceId: string, opts: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const { documents = 100_000, seconds = 10, concurrency = 8 } = opts;
  const database = openDatabase(url, concurrency);
  try {
    const { db } = database;
    const held = await seed(db, workspaceId, documents);
    const types = searchableTypes();
    let next = 0;
    const one = () => searchDocumentsOf(db, workspaceId, { terms: searchTerms(QUERIES[next++ % QUERIES.length]!), types, includeArchived: false, limit: 20 });
    const run = async (ms: number, samples: number[] | null) => {
      const end = performance.now() + ms;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          await one();
          samples?.push(performance.now() - t);
        }
      }));
    };
    await run(2000, null);
    const samples: number[] = [];
    await run(seconds * 1000, samples);
    samples.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)),
      qps: Math.round(samples.length / seconds), documents: held,
    };
  } finally {
    await database.close();
  }
}

/** The workspace the standalone run uses: the one given, else "Search bench" (made if missing). */
async function benchWorkspace(url: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const database = openDatabase(url, 1);
  try {
    const { rows } = await database.db.execute<{ id: string }>(sql`
      insert into workspaces (slug, name) values ('search-bench', 'Search bench')
      on conflict (slug) do update set name = excluded.name returning id`);
    return rows[0]!.id;
  } finally {
    await database.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' }, workspace: { type: 'string' }, documents: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '8' }, explain: { type: 'string' },
    },
  });
  if (!values.url) throw new Error('usage: npx tsx bench/search.ts --url postgres://… [--workspace id] [--documents N] [--seconds S] [--concurrency C] [--explain "query"]');
  await ensureDatabase(values.url);
  await applyMigrations(values.url);
  const workspaceId = await benchWorkspace(values.url, values.workspace);
  const result = await benchSearch(values.url, workspaceId, {
    documents: Number(values.documents), seconds: Number(values.seconds), concurrency: Number(values.concurrency),
  });
  console.log(`[bench] search over ${result.documents} documents: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, ${result.qps} queries/s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
