import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { applyMigrations } from '../server/platform/db/migrate';
import { stopAll } from './app-process';
import { onEmbedded, onExternal, type Target } from './databases';
import { type Load, measureApi, measureSql } from './measure';
import { type BenchResult, evaluate, formatTable, misses, TARGETS, writeResults } from './report';
import { buildScenarios, sqlRun, verify } from './scenarios';
import { benchCollaboration, type CollaborationResult, formatCollaboration } from './collaboration';
import { benchStrategy, formatStrategy, type StrategyResult } from './strategy';
import { type BenchSize, checkSize, DEFAULT_SIZE, QUICK_SIZE, seedWorkspace } from './seed';

const HELP = `npm run bench -- [options]
  --units N --goals N --initiatives N --links N   workspace size (default ${Object.values(DEFAULT_SIZE).join(' / ')})
  --quick                      small smoke size (${Object.values(QUICK_SIZE).join(' / ')})
  --duration S                 seconds per measurement (default 10; each has a warm-up of up to 2 s before it)
  --connections N              concurrent connections (default 32)
  --external-url URL           external PostgreSQL server (default postgres://postgres@127.0.0.1:5432/)`;

const say = (msg: string) => console.log(`[bench] ${msg}`);

let interrupted = false;
/** Ends the run at the next step once Ctrl-C was pressed. */
function stopIfInterrupted(): void {
  if (interrupted) throw new Error('interrupted');
}

function options() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string' }, goals: { type: 'string' }, initiatives: { type: 'string' }, links: { type: 'string' },
      quick: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      'external-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const base = values.quick ? QUICK_SIZE : DEFAULT_SIZE;
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  const size: BenchSize = {
    units: num(values.units, base.units), goals: num(values.goals, base.goals),
    initiatives: num(values.initiatives, base.initiatives), links: num(values.links, base.links),
  };
  checkSize(size);
  const load: Load = { connections: Number(values.connections), seconds: Number(values.duration) };
  if (!Number.isInteger(load.connections) || load.connections < 1) throw new Error('--connections must be a whole number ≥ 1');
  if (!(load.seconds >= 1)) throw new Error('--duration must be at least 1 (seconds)');
  return { help: values.help, size, load, externalUrl: values['external-url'] };
}

/** Seeds the target's database and measures every scenario on it, then the collaboration benchmarks. */
async function benchTarget(
  database: BenchResult['database'], t: Target, size: BenchSize, load: Load, collaboration: Partial<Record<BenchResult['database'], CollaborationResult>>,
  strategy: Partial<Record<BenchResult['database'], StrategyResult>>,
): Promise<BenchResult[]> {
  await applyMigrations(t.url);
  const seeded = await seedWorkspace(t.url, size);
  const client = new pg.Client({ connectionString: t.url });
  client.on('error', () => {}); // a lost connection fails the awaited query instead
  await client.connect();
  const postgresVersion = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v.split(' ')[0]!;
  await client.end();
  say(`${database} (PostgreSQL ${postgresVersion}): seeded in ${seeded.seconds.toFixed(1)} s; app at ${t.baseUrl}`);

  const warmup: Load = { ...load, seconds: Math.min(2, load.seconds) };
  const results: BenchResult[] = [];
  for (const s of await buildScenarios(t.url, seeded)) {
    stopIfInterrupted();
    const base = { scenario: s.name, database, postgresVersion };
    const problem = await verify(t.baseUrl, seeded.token, s, t.url);
    if (problem) {
      results.push({ ...base, api: null, sql: null, apiOverSqlP50: null, targets: TARGETS, pass: false, error: problem });
      say(`${s.name}: FAILED before measuring: ${problem}`);
      continue;
    }
    await measureApi(t.baseUrl, seeded.token, s.paths, warmup);
    const api = await measureApi(t.baseUrl, seeded.token, s.paths, load);
    stopIfInterrupted();
    await measureSql(t.url, sqlRun(s), warmup);
    const sql = await measureSql(t.url, sqlRun(s), load);
    const r = evaluate(base, api, sql);
    say(`${s.name}: api p50 ${api.p50} ms, p95 ${api.p95} ms, ${api.rps} req/s, ${api.errors} errors; sql p50 ${sql.p50} ms`);
    results.push(r);
  }
  stopIfInterrupted();
  const collab = await benchCollaboration(t.url, t.baseUrl, seeded, { seconds: load.seconds });
  collaboration[database] = collab;
  say(formatCollaboration(database, collab).replace(/\n/g, '\n[bench] '));
  stopIfInterrupted();
  const strat = await benchStrategy(t.url, t.baseUrl, seeded, { seconds: load.seconds });
  strategy[database] = strat;
  say(formatStrategy(database, strat).replace(/\n/g, '\n[bench] '));
  return results;
}

/** The overview page is measured in the web app as built from this checkout (as `npm start` does). */
async function ensureWebBuilt(): Promise<void> {
  say('building the web app (dist/web) for the page measurements');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = options();
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const { size, load } = opts;
  const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
  if (loadAtStart > os.cpus().length / 2) say(`warning: the machine is busy (load ${loadAtStart} on ${os.cpus().length} cores); figures will be noisy`);
  say(`workspace: ${size.units} units, ${size.goals} goals, ${size.initiatives} initiatives, ${size.links} links; ${load.connections} connections × ${load.seconds} s`);
  const results: BenchResult[] = [];
  const collaboration: Partial<Record<BenchResult['database'], CollaborationResult>> = {};
  const strategy: Partial<Record<BenchResult['database'], StrategyResult>> = {};
  await ensureWebBuilt();
  results.push(...(await onEmbedded((t) => benchTarget('embedded', t, size, load, collaboration, strategy))));
  stopIfInterrupted();
  const external = await onExternal(opts.externalUrl, (t) => benchTarget('external', t, size, load, collaboration, strategy));
  if ('unreachable' in external) say(`external PostgreSQL at ${opts.externalUrl} is unreachable (${external.unreachable}): skipped`);
  else results.push(...external.value);

  const file = await writeResults(size, load, loadAtStart, results, collaboration, strategy);
  console.log(`\n${formatTable(results)}\n\nlatencies in ms; targets: API p95 ≤ ${TARGETS.p95Ms} ms and API p50 ≤ ${TARGETS.apiOverSqlP50} × SQL p50 (SQL = the store's data statements alone)`);
  for (const [database, c] of Object.entries(collaboration)) console.log(`\n${formatCollaboration(database, c)}`);
  const missed = results.flatMap((r) => misses(r).map((m) => `  ${r.scenario} on ${r.database}: ${m}`));
  for (const [database, c] of Object.entries(collaboration)) if (!c.pass) missed.push(`  collaboration on ${database}: a target missed (see above)`);
  for (const [database, c] of Object.entries(strategy)) console.log(`\n${formatStrategy(database, c)}`);
  for (const [database, c] of Object.entries(strategy)) if (!c.pass) missed.push(`  strategy on ${database}: a target missed (see above)`);
  console.log(missed.length ? `\nMISSED TARGETS:\n${missed.join('\n')}` : '\nall targets met');
  console.log(`\nwritten to ${file}`);
  return results.some((r) => r.error) ? 1 : 0;
}

// Ctrl-C: stop the app; the run then fails fast and its cleanup (temporary folder, external
// database) still runs. Repeats are ignored: tsx relays the terminal's SIGINT, so it comes twice.
const interrupt = () => {
  if (interrupted) return;
  interrupted = true;
  say('interrupted: stopping the app and cleaning up');
  void stopAll();
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (e: unknown) => {
    if (!interrupted) console.error(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void stopAll().finally(() => process.exit(interrupted ? 130 : 1));
  },
);
