import pg from 'pg';
import { hashPassword, newSecret, secretHash } from '../server/platform/auth/secrets';
import { titles } from './titles';

/** How big the generated workspace is. */
export interface BenchSize {
  units: number;
  goals: number;
  initiatives: number;
  links: number;
}

/** The default large workspace the targets are stated for. */
export const DEFAULT_SIZE: BenchSize = { units: 20, goals: 2_000, initiatives: 20_000, links: 60_000 };
/** A smoke size: seeds in well under a second (the unit test uses it). */
export const QUICK_SIZE: BenchSize = { units: 4, goals: 40, initiatives: 300, links: 600 };

/** What the benchmark needs to call the API against the seeded workspace. */
export interface SeededWorkspace {
  workspaceId: string;
  slug: string;
  userId: string;
  /** Plain API token (read scope); only its SHA-256 is stored. */
  token: string;
  /** A read-write token of the same owner, for the benchmarks that change things. */
  writeToken: string;
  unitIds: string[];
  /** A spread of initiative ids (up to 300) for detail requests. */
  sampleInitiativeIds: string[];
  /** The owner's e-mail and password, for benchmarks that sign in through a browser. */
  email: string;
  password: string;
  seconds: number;
}

/** Throws when the sizes cannot make a workspace (links are distinct goal–initiative pairs). */
export function checkSize(size: BenchSize): void {
  for (const [k, v] of Object.entries(size)) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a whole number ≥ 1 (got ${v})`);
  }
  if (size.links > (size.goals * size.initiatives) / 2) {
    throw new Error(`--links must be at most half of goals × initiatives (${(size.goals * size.initiatives) / 2})`);
  }
}

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Picks by cumulative weights: [[value, weight], …]. */
const weighted = <T>(r: Rand, xs: readonly (readonly [T, number])[]): T => {
  let x = r() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1]![0];
};

/** A version-4 UUID from the PRNG, so every run writes the same ids. */
function uuid(r: Rand): string {
  const h = Array.from({ length: 16 }, () => Math.floor(r() * 256));
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const s = h.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 1);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A start/end pair inside 2024–2027 (5 % undated). */
function dates(r: Rand): [string | null, string | null] {
  if (r() < 0.05) return [null, null];
  const start = Date.UTC(2024, 0, 1) + int(r, 0, 1275) * DAY;
  return [isoDate(start), isoDate(start + int(r, 30, 720) * DAY)];
}
/** Created within the two years before 2026-01-01; archived in 3 % of cases. */
function stamps(r: Rand): [string, string | null] {
  const created = EPOCH - Math.floor(r() * 730 * DAY);
  return [new Date(created).toISOString(), r() < 0.03 ? new Date(created + int(r, 1, 200) * DAY).toISOString() : null];
}
/** A money amount, log-uniform between lo and hi, in whole hundreds. */
const money = (r: Rand, lo: number, hi: number) => Math.round(Math.exp(Math.log(lo) + r() * Math.log(hi / lo)) / 100) * 100;

type Row = Record<string, string | number | null>;

/** The workspace's rows (keys are column names), the same for the same size and seed. */
export function generateWorkspace(size: BenchSize, seed: number, ownerId: string) {
  const r = prng(seed);
  const units: Row[] = Array.from({ length: size.units }, (_, i) => ({ id: uuid(r), name: titles.unit(i), description: `Business unit ${titles.unit(i)}` }));
  const unitIds = units.map((u) => u.id as string);
  const common = (unit: string | null, ownerShare: number) => {
    const [start_date, end_date] = dates(r);
    const [created_at, archived_at] = stamps(r);
    return { id: uuid(r), owner_user_id: r() < ownerShare ? ownerId : null, business_unit_id: unit, start_date, end_date, created_at, updated_at: created_at, archived_at };
  };

  const goals = Array.from({ length: size.goals }, () => ({
    ...common(r() < 0.9 ? pick(r, unitIds) : null, 0.5),
    title: titles.goal(r),
    description: titles.goalDescription(r),
    weight: weighted(r, [[int(r, 1, 30), 3], [int(r, 31, 70), 5], [int(r, 71, 100), 2]]),
    status: weighted(r, [['draft', 15], ['active', 60], ['achieved', 15], ['missed', 10]]),
  }));
  const initiatives = Array.from({ length: size.initiatives }, () => ({
    ...common(r() < 0.95 ? pick(r, unitIds) : null, 0.6),
    title: titles.initiative(r),
    description: titles.initiativeDescription(r),
    status: weighted(r, [['proposed', 15], ['planned', 20], ['in_progress', 30], ['on_hold', 8], ['done', 20], ['cancelled', 7]]),
    capex: r() < 0.25 ? 0 : money(r, 5_000, 2_000_000),
    opex: money(r, 1_000, 400_000),
    effort_days: int(r, 10, 4000) / 2,
  }));

  // Distinct pairs; 70 % of an initiative's links go to a goal of its own unit.
  const goalsByUnit = new Map<string, number[]>();
  goals.forEach((g, k) => g.business_unit_id && goalsByUnit.set(g.business_unit_id, [...(goalsByUnit.get(g.business_unit_id) ?? []), k]));
  const links: Row[] = [];
  const taken = new Set<number>();
  while (links.length < size.links) {
    const i = Math.floor(r() * size.initiatives);
    const own = initiatives[i]!.business_unit_id ? goalsByUnit.get(initiatives[i]!.business_unit_id) : undefined;
    const g = own && r() < 0.7 ? pick(r, own) : Math.floor(r() * size.goals);
    if (taken.has(g * size.initiatives + i)) continue;
    taken.add(g * size.initiatives + i);
    const created_at = new Date(EPOCH - Math.floor(r() * 365 * DAY)).toISOString();
    links.push({
      id: uuid(r), goal_id: goals[g]!.id, initiative_id: initiatives[i]!.id,
      strength: weighted(r, [['weak', 30], ['medium', 45], ['strong', 25]]),
      rationale: r() < 0.4 ? titles.rationale(r) : '', created_at, updated_at: created_at,
    });
  }

  const step = Math.max(1, Math.floor(size.initiatives / 300));
  const sampleInitiativeIds = initiatives.filter((_, i) => i % step === 0).slice(0, 300).map((i) => i.id);
  return { units, goals, initiatives, links, unitIds, sampleInitiativeIds, ...generateStrategyExtras(size, seed, goals, initiatives) };
}

const THEMES = ['Operational excellence', 'Customer growth', 'Sustainable fleet', 'Cost discipline', 'Digital foundations', 'People', 'Compliance & risk', 'Innovation'];
const THEME_COLOURS = ['#1971c2', '#2b8a3e', '#0b7285', '#d9480f', '#6741d9', '#c2255c', '#5c940d', '#e67700'];
const TEAMS = ['Platform', 'Logistics Apps', 'Digital CX', 'Data & Integration', 'Finance Systems', 'Workplace', 'Security', 'Fleet Systems'];

/**
 * Themes, teams, each goal's theme, each initiative's team, kind and risk, milestones, key results
 * and finish-to-start dependencies (prerequisite ends before the dependent starts). From a PRNG of
 * their own, so the rows above stay the same as before these were added.
 */
function generateStrategyExtras(
  size: BenchSize, seed: number,
  goals: { id: string; start_date: string | null; end_date: string | null; [k: string]: unknown }[],
  initiatives: { id: string; start_date: string | null; end_date: string | null; [k: string]: unknown }[],
) {
  const r = prng(seed ^ 0x57a7e6);
  const themes: Row[] = THEMES.map((name, i) => ({ id: uuid(r), name, color: THEME_COLOURS[i]!, position: i }));
  const teamCount = Math.max(2, Math.min(30, Math.round(size.initiatives / 700)));
  const teams: Row[] = Array.from({ length: teamCount }, (_, i) => ({
    id: uuid(r), name: i < TEAMS.length ? TEAMS[i]! : `${TEAMS[i % TEAMS.length]!} ${Math.floor(i / TEAMS.length) + 1}`,
  }));
  for (const g of goals) (g as Row).theme_id = r() < 0.9 ? (pick(r, themes).id as string) : null;
  for (const i of initiatives) {
    const row = i as Row;
    row.team_id = r() < 0.9 ? (pick(r, teams).id as string) : null;
    row.kind = weighted(r, [['project', 75], ['programme', 8], ['epic', 17]]);
    row.risk_level = weighted(r, [['low', 40], ['medium', 35], ['high', 20], ['critical', 5]]);
  }
  const milestones: Row[] = [];
  for (const i of initiatives) {
    if (!i.start_date || !i.end_date || r() < 0.3) continue;
    const start = Date.parse(i.start_date);
    const span = Math.max(1, (Date.parse(i.end_date) - start) / DAY);
    for (let k = int(r, 1, 3); k > 0; k--) {
      const due = isoDate(start + Math.floor(r() * span) * DAY);
      milestones.push({ id: uuid(r), initiative_id: i.id, title: pick(r, ['Design signed off', 'Pilot live', 'Go-live', 'Data migrated', 'Vendor selected', 'Hand-over to operations']), due_date: due, done_on: r() < 0.4 ? due : null });
    }
  }
  const keyResults: Row[] = [];
  for (const g of goals) {
    for (let k = int(r, 0, 3); k > 0; k--) {
      const baseline = int(r, 0, 100);
      const target = baseline + int(r, 5, 50) * (r() < 0.7 ? 1 : -1);
      const current = baseline + (target - baseline) * r() * 1.1;
      keyResults.push({ id: uuid(r), goal_id: g.id, title: pick(r, ['On-time rate', 'Cost per unit', 'NPS', 'Adoption', 'Cycle time', 'Error rate']), unit: '', direction: target > baseline ? 'increase' : 'decrease', baseline, target, current: Math.round(current * 10) / 10, weight: int(r, 1, 3) });
    }
  }
  // Dependencies between dated initiatives where the prerequisite ends before the day the dependent starts.
  const dated = initiatives.filter((i) => i.start_date && i.end_date);
  const dependencies: Row[] = [];
  const pairs = new Set<string>();
  const wanted = Math.floor(size.initiatives / 10);
  for (let tries = 0; dependencies.length < wanted && tries < wanted * 20 && dated.length > 1; tries++) {
    const a = pick(r, dated);
    const b = pick(r, dated);
    // End dates are inclusive: the dependent starts after the prerequisite's last day (domain/strategy/dependencies.ts).
    if (a === b || b.end_date! >= a.start_date! || pairs.has(`${a.id}${b.id}`)) continue;
    pairs.add(`${a.id}${b.id}`);
    dependencies.push({ id: uuid(r), initiative_id: a.id, depends_on_id: b.id });
  }
  return { themes, teams, milestones, keyResults, dependencies };
}

/** Column types of the bulk-loaded tables (workspace_id is added to every row). */
const COLUMNS = {
  business_units: { id: 'uuid', name: 'text', description: 'text' },
  themes: { id: 'uuid', name: 'text', color: 'text', position: 'int' },
  teams: { id: 'uuid', name: 'text' },
  goals: {
    id: 'uuid', title: 'text', description: 'text', owner_user_id: 'uuid', business_unit_id: 'uuid', weight: 'int', status: 'text',
    start_date: 'date', end_date: 'date', created_at: 'timestamptz', updated_at: 'timestamptz', archived_at: 'timestamptz',
    theme_id: 'uuid',
  },
  initiatives: {
    id: 'uuid', title: 'text', description: 'text', owner_user_id: 'uuid', business_unit_id: 'uuid', status: 'text',
    start_date: 'date', end_date: 'date', capex: 'numeric', opex: 'numeric', effort_days: 'numeric',
    created_at: 'timestamptz', updated_at: 'timestamptz', archived_at: 'timestamptz',
    team_id: 'uuid', kind: 'text', risk_level: 'text',
  },
  milestones: { id: 'uuid', initiative_id: 'uuid', title: 'text', due_date: 'date', done_on: 'date' },
  key_results: {
    id: 'uuid', goal_id: 'uuid', title: 'text', unit: 'text', direction: 'text', baseline: 'numeric', target: 'numeric', current: 'numeric', weight: 'int',
  },
  initiative_dependencies: { id: 'uuid', initiative_id: 'uuid', depends_on_id: 'uuid' },
  goal_links: {
    id: 'uuid', goal_id: 'uuid', initiative_id: 'uuid', strength: 'text', rationale: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
} as const;

/** `INSERT INTO table (workspace_id, …) SELECT $1, * FROM unnest($2::type[], …)`: one statement, one array per column. */
async function bulkInsert(client: pg.Client, table: keyof typeof COLUMNS, workspaceId: string, rows: Row[]): Promise<void> {
  const columns = Object.entries(COLUMNS[table]);
  const arrays = columns.map(([, type], k) => `$${k + 2}::${type}[]`);
  await client.query(
    `INSERT INTO ${table} (workspace_id, ${columns.map(([name]) => name).join(', ')}) SELECT $1, * FROM unnest(${arrays.join(', ')})`,
    [workspaceId, ...columns.map(([name]) => rows.map((row) => row[name] ?? null))],
  );
}

/**
 * Seeds one workspace of `size` into the (migrated) database at url: an owner, membership, a
 * read-scope and a read-write API token, business units, goals, initiatives and goal links, in one transaction
 * with `INSERT … SELECT FROM unnest(…)`, then VACUUM ANALYZE so plans see the real sizes.
 */
export async function seedWorkspace(url: string, size: BenchSize, seed = 20260101): Promise<SeededWorkspace> {
  checkSize(size);
  const began = performance.now();
  const client = new pg.Client({ connectionString: url, application_name: 'tandem-bench-seed' });
  client.on('error', () => {}); // a lost connection fails the awaited query instead
  await client.connect();
  try {
    const userId = uuid(prng(seed ^ 0x5eed));
    const data = generateWorkspace(size, seed, userId);
    const token = newSecret('tdm_');
    const writeToken = newSecret('tdm_');
    const email = 'bench-owner@example.com';
    const password = newSecret();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'Bench Owner', $3)`,
      [userId, email, await hashPassword(password)],
    );
    const ws = await client.query<{ id: string }>(`INSERT INTO workspaces (slug, name) VALUES ('bench', 'Bench Logistics') RETURNING id`);
    const workspaceId = ws.rows[0]!.id;
    await client.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, userId]);
    await client.query(
      `INSERT INTO api_tokens (user_id, name, scope, token_hash, prefix) VALUES ($1, 'bench', 'read', $2, $3)`,
      [userId, secretHash(token), token.slice(0, 8)],
    );
    await client.query(
      `INSERT INTO api_tokens (user_id, name, scope, token_hash, prefix) VALUES ($1, 'bench-write', 'read_write', $2, $3)`,
      [userId, secretHash(writeToken), writeToken.slice(0, 8)],
    );
    await bulkInsert(client, 'business_units', workspaceId, data.units);
    await bulkInsert(client, 'themes', workspaceId, data.themes);
    await bulkInsert(client, 'teams', workspaceId, data.teams);
    await bulkInsert(client, 'goals', workspaceId, data.goals);
    await bulkInsert(client, 'initiatives', workspaceId, data.initiatives);
    await bulkInsert(client, 'goal_links', workspaceId, data.links);
    await bulkInsert(client, 'milestones', workspaceId, data.milestones);
    await bulkInsert(client, 'key_results', workspaceId, data.keyResults);
    await bulkInsert(client, 'initiative_dependencies', workspaceId, data.dependencies);
    await client.query('COMMIT');
    await client.query(`VACUUM (ANALYZE) business_units, themes, teams, goals, initiatives, goal_links, milestones, key_results,
      initiative_dependencies, api_tokens, memberships, workspaces, users`);
    return {
      workspaceId, slug: 'bench', userId, token, writeToken, email, password, unitIds: data.unitIds, sampleInitiativeIds: data.sampleInitiativeIds,
      seconds: (performance.now() - began) / 1000,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
