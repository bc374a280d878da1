import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CollaborationResult } from './collaboration';
import type { StrategyResult } from './strategy';
import type { ApiTiming, Timing } from './measure';
import type { Scenario } from './scenarios';
import type { BenchSize } from './seed';

/** What every scenario is held to. */
export const TARGETS = { p95Ms: 25, apiOverSqlP50: 2 } as const;

/** One scenario on one database, as written to bench/results/latest.json. */
export interface BenchResult {
  scenario: Scenario['name'];
  database: 'embedded' | 'external';
  postgresVersion: string;
  api: Omit<ApiTiming, 'statusCodes'> | null;
  /** The store's data statements alone, replayed through pg: the floor under the API figure. */
  sql: Timing | null;
  apiOverSqlP50: number | null;
  targets: typeof TARGETS;
  pass: boolean;
  /** Why the run failed (errors, a mismatch with the API); absent when it ran cleanly. */
  error?: string;
}

/** Judges one measured scenario against the targets; responses other than 2xx fail it. */
export function evaluate(base: Pick<BenchResult, 'scenario' | 'database' | 'postgresVersion'>, api: ApiTiming, sql: Timing): BenchResult {
  const { statusCodes, ...apiFigures } = api;
  const ratio = Math.round((api.p50 / sql.p50) * 100) / 100;
  const error = api.errors > 0 ? `${api.errors} requests failed (status codes: ${JSON.stringify(statusCodes)})` : undefined;
  const pass = !error && api.p95 <= TARGETS.p95Ms && ratio <= TARGETS.apiOverSqlP50;
  return { ...base, api: apiFigures, sql, apiOverSqlP50: ratio, targets: TARGETS, pass, ...(error ? { error } : {}) };
}

/** The targets a result missed, in words; empty when it met them. */
export function misses(r: BenchResult): string[] {
  if (r.error) return [`FAILED: ${r.error}`];
  const out: string[] = [];
  if (r.api && r.api.p95 > TARGETS.p95Ms) out.push(`API p95 ${r.api.p95} ms > ${TARGETS.p95Ms} ms`);
  if (r.apiOverSqlP50 !== null && r.apiOverSqlP50 > TARGETS.apiOverSqlP50) out.push(`API/SQL p50 ${r.apiOverSqlP50}× > ${TARGETS.apiOverSqlP50}×`);
  return out;
}

const HEAD = ['scenario', 'database', 'pg', 'api p50', 'p95', 'p99', 'req/s', 'errors', 'sql p50', 'p95', 'p99', 'q/s', 'api/sql p50', 'result'];

/** The results as a fixed-width table (latencies in ms). */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.scenario, r.database, r.postgresVersion,
    ...(r.api ? [r.api.p50, r.api.p95, r.api.p99, r.api.rps, r.api.errors].map(String) : ['–', '–', '–', '–', '–']),
    ...(r.sql ? [r.sql.p50, r.sql.p95, r.sql.p99, r.sql.rps].map(String) : ['–', '–', '–', '–']),
    r.apiOverSqlP50 === null ? '–' : `${r.apiOverSqlP50}×`,
    r.error ? 'FAILED' : r.pass ? 'pass' : 'MISSED',
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Writes bench/results/latest.json and returns its path. */
export async function writeResults(
  size: BenchSize, load: { connections: number; seconds: number }, loadAtStart: number, results: BenchResult[],
  collaboration: Partial<Record<BenchResult['database'], CollaborationResult>> = {},
  strategy: Partial<Record<BenchResult['database'], StrategyResult>> = {},
): Promise<string> {
  const file = path.join(import.meta.dirname, 'results', 'latest.json');
  await fs.mkdir(path.dirname(file), { recursive: true });
  const doc = {
    ranAt: new Date().toISOString(),
    // The load before the benchmark began: figures taken on a busy machine are not comparable.
    machine: { cpus: os.cpus().length, node: process.version, loadAvg1mAtStart: loadAtStart },
    size,
    load: { connections: load.connections, durationSec: load.seconds },
    results,
    collaboration,
    strategy,
  };
  await fs.writeFile(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}
