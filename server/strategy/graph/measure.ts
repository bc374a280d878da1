/**
 * Times the alignment graph and the roadmap's year on the generated large workspace
 * (bench/seed.ts DEFAULT_SIZE), on a private embedded PostgreSQL, store calls one at a time.
 *
 *   npx tsx server/strategy/graph/measure.ts [--runs 30]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { percentile } from '../../../bench/measure';
import { DEFAULT_SIZE, seedWorkspace } from '../../../bench/seed';
import { AlignmentGraphQuery } from '../../../domain/strategy/graph';
import { openDatabase } from '../../platform/db/client';
import { startEmbedded, withDatabase } from '../../platform/db/embedded';
import { applyMigrations } from '../../platform/db/migrate';
import { loadRoadmap } from '../roadmap/store';
import { alignmentGraph } from './store';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);

async function timed(fn: () => Promise<unknown>) {
  for (let k = 0; k < 3; k++) await fn();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`;
}

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-graph-'));
await fs.chmod(tmp, 0o755);
const embedded = await startEmbedded(path.join(tmp, 'pg'));
try {
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query('create database tandem_graph');
  await admin.end();
  const url = withDatabase(embedded.url, 'tandem_graph');
  await applyMigrations(url);
  const seeded = await seedWorkspace(url, DEFAULT_SIZE);
  console.log(`seeded ${JSON.stringify(DEFAULT_SIZE)} in ${seeded.seconds.toFixed(1)} s`);
  const database = openDatabase(url, 4);
  const ws = seeded.workspaceId;
  const [theme] = (await database.pool.query<{ id: string }>('select id from themes where workspace_id = $1 order by position limit 1', [ws])).rows;
  try {
    console.log('graph, no filter:      ', await timed(() => alignmentGraph(database.db, ws, AlignmentGraphQuery.parse({}))));
    console.log('graph, one theme:      ', await timed(() => alignmentGraph(database.db, ws, AlignmentGraphQuery.parse({ themeId: theme!.id }))));
    const year = { from: '2026-01-01', to: '2027-01-01' };
    const roadmap = (filters = {}) => loadRoadmap(database.db, ws, { window: year, lane: 'theme', filters, limit: 1000 });
    console.log('roadmap year, themes:  ', await timed(() => roadmap()));
    console.log('roadmap year, 1 theme: ', await timed(() => roadmap({ themeId: theme!.id })));
  } finally {
    await database.close();
  }
} finally {
  await embedded.stop();
  await fs.rm(tmp, { recursive: true, force: true });
}
