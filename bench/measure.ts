import autocannon from 'autocannon';
import pg from 'pg';

/** Latency percentiles in milliseconds and throughput in requests (or queries) per second. */
export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}
export interface ApiTiming extends Timing {
  /** Non-2xx responses, connection errors and timeouts together. */
  errors: number;
  /** Status codes seen and how often, to explain errors. */
  statusCodes: Record<string, number>;
}

/** Nearest-rank percentile of ascending-sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function summarise(samples: number[], seconds: number): Timing {
  const sorted = Float64Array.from(samples).sort();
  const s = Array.from(sorted);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), rps: round(samples.length / seconds, 0) };
}

export interface Load {
  connections: number;
  seconds: number;
}

/**
 * Drives `paths` (requested round-robin) on baseUrl with autocannon, every request carrying
 * the bearer token. Latencies are taken per response (autocannon's own histogram has no p95).
 */
export async function measureApi(baseUrl: string, token: string, paths: string[], load: Load): Promise<ApiTiming> {
  let next = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: load.connections,
    duration: load.seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  const samples: number[] = [];
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => samples.push(ms));
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, v]) => [code, v.count]));
  return { ...summarise(samples, result.duration), errors: result.non2xx + result.errors + result.timeouts, statusCodes };
}

/** One run of a scenario's data query (one or more statements, in order). */
export type SqlRun = (pool: pg.Pool, i: number) => Promise<unknown>;

/**
 * Runs `run` from `load.connections` concurrent clients of a pool for the duration, timing
 * each run end to end through pg (network, execution, row parsing).
 */
export async function measureSql(url: string, run: SqlRun, load: Load): Promise<Timing> {
  const pool = new pg.Pool({ connectionString: url, max: load.connections, application_name: 'tandem-bench-sql' });
  pool.on('error', () => {}); // an idle client losing its connection; queries report their own errors
  try {
    // Open every connection before the clock starts, as the app's pool is warm too.
    const clients = await Promise.all(Array.from({ length: load.connections }, () => pool.connect()));
    clients.forEach((c) => c.release());
    const samples: number[] = [];
    const began = performance.now();
    const deadline = began + load.seconds * 1000;
    let n = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await run(pool, n++);
        samples.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: load.connections }, worker));
    return summarise(samples, (performance.now() - began) / 1000);
  } finally {
    await pool.end();
  }
}
