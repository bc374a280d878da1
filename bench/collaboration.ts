// The collaboration benchmarks, on a running Tandem and its database:
// - live events: N open event streams, each must receive a change made through the API;
// - fan-out: a change to an item N people watch, notifying all of them;
// - search over 100,000 documents (bench/search.ts), four people searching at once and one alone.
import http from 'node:http';
import pg from 'pg';
import { percentile } from './measure';
import { benchSearch, type SearchBenchResult } from './search';
import type { SeededWorkspace } from './seed';

export const COLLABORATION_TARGETS = { liveP95Ms: 1000, fanOutP95Ms: 1000, searchP95Ms: 50 } as const;

export interface Latencies {
  p50: number;
  p95: number;
  max: number;
}

export interface CollaborationResult {
  /** `streams` open streams × `rounds` changes: the time from sending the change to each stream's receiving it. */
  liveEvents: Latencies & { streams: number; rounds: number; missed: number };
  /** The change request to an item `watchers` people watch (its notifications written and published), per round. */
  fanOut: Latencies & { watchers: number; rounds: number; notificationsPerRound: number };
  /** Four people searching at once (the target), and one alone. */
  search: SearchBenchResult & { concurrency: number };
  searchAlone: SearchBenchResult;
  targets: typeof COLLABORATION_TARGETS;
  pass: boolean;
}

const round = (x: number) => Math.round(x * 100) / 100;
function latencies(samples: number[]): Latencies {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1] ?? NaN) };
}

/** PATCHes a goal's title through the API and returns when the answer came. */
async function changeGoal(baseUrl: string, token: string, slug: string, goalId: string, title: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/workspaces/${slug}/goals/${goalId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 200) throw new Error(`PATCH goal answered ${res.status}: ${await res.text()}`);
}

/** One open event stream: resolves `waitFor(text)` with the time the text arrived. */
function openStream(baseUrl: string, token: string, slug: string): Promise<{ waitFor(text: string, ms: number): Promise<number | null>; close(): void }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let waiter: { text: string; done: (at: number | null) => void } | null = null;
    const req = http.get(`${baseUrl}/api/v1/workspaces/${slug}/events`, { headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (waiter && buffer.includes(waiter.text)) {
          waiter.done(performance.now());
          waiter = null;
        }
        if (buffer.length > 100_000) buffer = buffer.slice(-10_000);
      });
      resolve({
        waitFor: (text, ms) =>
          new Promise((done) => {
            buffer = ''; // only what arrives from now on counts
            const timer = setTimeout(() => {
              waiter = null;
              done(null);
            }, ms);
            waiter = { text, done: (at) => { clearTimeout(timer); done(at); } };
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

/** `streams` event streams open on the workspace; `rounds` changes, each timed to every stream. */
async function benchLiveEvents(baseUrl: string, seeded: SeededWorkspace, goalId: string, streams: number, rounds: number) {
  const open = [];
  // Opened in batches, as a crowd of browsers would arrive.
  for (let i = 0; i < streams; i += 100) {
    open.push(...(await Promise.all(Array.from({ length: Math.min(100, streams - i) }, () => openStream(baseUrl, seeded.token, seeded.slug)))));
  }
  const samples: number[] = [];
  let missed = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      const marker = `Live round ${r} ${Date.now()}`;
      // Every stream waits for the change event of this round (it names the goal; the title is not sent).
      const sent = performance.now();
      const arrivals = Promise.all(open.map((s) => s.waitFor(`"action":"goal.update","entityType":"goal","entityId":"${goalId}"`, 5_000)));
      await changeGoal(baseUrl, seeded.writeToken, seeded.slug, goalId, marker);
      for (const at of await arrivals) {
        if (at === null) missed++;
        else samples.push(at - sent);
      }
      await new Promise((r2) => setTimeout(r2, 200));
    }
  } finally {
    for (const s of open) s.close();
  }
  return { ...latencies(samples), streams, rounds, missed };
}

/** `watchers` members watching one goal; `rounds` changes to it, each timed end to end. */
async function benchFanOut(url: string, baseUrl: string, seeded: SeededWorkspace, goalId: string, watchers: number, rounds: number) {
  const client = new pg.Client({ connectionString: url, application_name: 'tandem-bench-fanout' });
  client.on('error', () => {});
  await client.connect();
  try {
    // Watchers made in the database directly: viewers of the workspace, each watching the goal.
    await client.query(`
      WITH u AS (
        INSERT INTO users (email, name, password_hash)
        SELECT 'watcher-' || g || '@bench.example', 'Watcher ' || g, 'not-a-hash' FROM generate_series(1, $1::int) g
        RETURNING id
      ), m AS (INSERT INTO memberships (workspace_id, user_id, role) SELECT $2, id, 'viewer' FROM u RETURNING user_id)
      INSERT INTO watches (workspace_id, user_id, entity_type, entity_id) SELECT $2, user_id, 'goal', $3 FROM m`,
    [watchers, seeded.workspaceId, goalId]);
    const count = async () => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE entity_id = $1`, [goalId])).rows[0]!.n;
    const samples: number[] = [];
    const before = await count();
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      await changeGoal(baseUrl, seeded.writeToken, seeded.slug, goalId, `Fan-out round ${r} ${Date.now()}`);
      samples.push(performance.now() - t);
    }
    const perRound = ((await count()) - before) / rounds;
    return { ...latencies(samples), watchers, rounds, notificationsPerRound: perRound };
  } finally {
    await client.end();
  }
}

/** Runs the three collaboration benchmarks on a running app (`baseUrl`) and its database (`url`). */
export async function benchCollaboration(
  url: string, baseUrl: string, seeded: SeededWorkspace, opts: { streams?: number; watchers?: number; rounds?: number; seconds?: number } = {},
): Promise<CollaborationResult> {
  const { streams = 1000, watchers = 1000, rounds = 10, seconds = 10 } = opts;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  const goals = await client.query<{ id: string }>(`SELECT id FROM goals WHERE workspace_id = $1 AND archived_at IS NULL ORDER BY id LIMIT 2`, [seeded.workspaceId]);
  await client.end();
  const [liveGoal, watchedGoal] = goals.rows.map((g) => g.id);
  if (!liveGoal || !watchedGoal) throw new Error('the seeded workspace needs two goals');

  const liveEvents = await benchLiveEvents(baseUrl, seeded, liveGoal, streams, rounds);
  const fanOut = await benchFanOut(url, baseUrl, seeded, watchedGoal, watchers, rounds);
  const search = { ...(await benchSearch(url, seeded.workspaceId, { seconds, concurrency: 4 })), concurrency: 4 };
  const searchAlone = await benchSearch(url, seeded.workspaceId, { seconds: Math.min(seconds, 5), concurrency: 1 });
  const T = COLLABORATION_TARGETS;
  const pass = liveEvents.missed === 0 && liveEvents.p95 <= T.liveP95Ms && fanOut.p95 <= T.fanOutP95Ms
    && fanOut.notificationsPerRound === watchers && search.p95 <= T.searchP95Ms;
  return { liveEvents, fanOut, search, searchAlone, targets: T, pass };
}

/** The collaboration figures as lines of text. */
export function formatCollaboration(database: string, r: CollaborationResult): string {
  const T = r.targets;
  return [
    `live events (${database}): ${r.liveEvents.streams} streams × ${r.liveEvents.rounds} changes: p50 ${r.liveEvents.p50} ms, p95 ${r.liveEvents.p95} ms, max ${r.liveEvents.max} ms, missed ${r.liveEvents.missed} (target p95 ≤ ${T.liveP95Ms} ms)`,
    `fan-out (${database}): a change to a goal ${r.fanOut.watchers} people watch: p50 ${r.fanOut.p50} ms, p95 ${r.fanOut.p95} ms, ${r.fanOut.notificationsPerRound} notifications a change (target p95 ≤ ${T.fanOutP95Ms} ms)`,
    `search (${database}): ${r.search.documents} documents, ${r.search.concurrency} at once: p50 ${r.search.p50} ms, p95 ${r.search.p95} ms, p99 ${r.search.p99} ms, ${r.search.qps} queries/s (target p95 ≤ ${T.searchP95Ms} ms); one at a time: p50 ${r.searchAlone.p50} ms, p95 ${r.searchAlone.p95} ms`,
  ].join('\n');
}
