import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Slug } from '../../../domain/platform/schemas';
import { writeWorkspaceIndex } from '../../collaboration/search/backfill';
import { recordAudit, systemAudit } from '../../platform/audit/record';
import { newSecret } from '../../platform/auth/secrets';
import * as schema from '../../platform/db/schema';
import { createUser, findUserByEmail } from '../../platform/users/store';
import {
  type Sql, type Table, batchInsert, deferForeignKeys, foreignKeyOrder, literal, q, raiseSequences, readCatalog, unorderedForeignKeys,
} from '../catalog';
import { type CliContext, CliError, reason, rowCount } from '../context';
import { assertKnownLevel } from '../migrations';
import { DERIVED_TABLES, type TWorkspaceFile, WorkspaceFile } from '../workspace-file';

/** The imported workspace (its id here), and what the import had to create or renumber. */
export interface WorkspaceImportResult {
  workspaceId: string;
  slug: string;
  counts: Record<string, number>;
  /** E-mails of the accounts created for people unknown here. */
  createdUsers: string[];
  /** Tables whose rows got new ids because theirs already exist here. */
  newIds: string[];
}

type Row = Record<string, unknown>;
/** A key value as text, to look it up in a map of old → new keys. */
const keyText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : JSON.stringify(v));
const BATCH = 500;

/** Reads and validates a workspace file; the first problems are named by their path. */
async function readWorkspaceFile(file: string): Promise<TWorkspaceFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = WorkspaceFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new CliError(`${file} is not a Tandem workspace file: ${issues.join('; ')}`);
  }
  await assertKnownLevel(parsed.data.migration, file);
  return parsed.data;
}

/**
 * Inserts rows a batch at a time. A failing batch is rolled back to its savepoint and its rows
 * tried one by one, so the error names the row; the caller then rolls everything back.
 */
async function insertRows(sql: Sql, t: Table, columns: string[], rows: { row: Row; source: Row; index: number }[]): Promise<void> {
  const statement = batchInsert(t, columns);
  const name = (r: { source: Row; index: number }) => {
    const key = t.primaryKey.map((c) => `${c} ${keyText(r.source[c])}`).join(', ');
    return `${t.name} row ${r.index + 1}${key ? ` (${key})` : ''}`;
  };
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await sql.query('savepoint import_batch');
    try {
      await sql.query(statement, [JSON.stringify(batch.map((b) => b.row))]);
      await sql.query('release savepoint import_batch');
    } catch (batchError) {
      await sql.query('rollback to savepoint import_batch');
      for (const b of batch) {
        try {
          await sql.query(statement, [JSON.stringify([b.row])]);
        } catch (e) {
          throw new CliError(`${name(b)}: ${reason(e)}`);
        }
      }
      throw batchError;
    }
  }
}

/** Replaces every string that is a remapped id, wherever it sits: key columns, text, JSON. */
function remapIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapIds(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, ids)]));
  }
  return value;
}

/**
 * `workspace:import`: a workspace file into this database, all or nothing, in one transaction.
 *
 * Ids. Users are matched by e-mail (an unknown person gets an account with a random password
 * nobody knows: an admin resets it). For every other table the rule is per table and the same
 * for all its rows: UUID keys are kept unless one of them already exists here (the file was
 * imported before, or comes from this database), in which case all rows of that table get new
 * UUIDs; keys drawn from a sequence are always drawn afresh here (they are local counters, and
 * reusing them would race with the running app). A remapped UUID is replaced wherever it
 * appears as a whole string — foreign keys, but also the audit log's entity ids and JSON
 * snapshots — since a UUID names one thing only; remapped sequence keys are followed through
 * the foreign keys the catalog declares. Simpler than remapping only colliding rows, and it
 * keeps ids (and so links and audit trails) intact when moving a workspace to a new database.
 *
 * Derived data does not travel (DERIVED_TABLES): the workspace's search index is rebuilt from
 * the imported rows, under their ids here, in the same transaction.
 */
export async function workspaceImport(ctx: CliContext, input: { file: string; slug?: string }): Promise<WorkspaceImportResult> {
  const f = await readWorkspaceFile(input.file);
  let slug = f.workspace.slug;
  if (input.slug !== undefined) {
    const s = Slug.safeParse(input.slug);
    if (!s.success) throw new CliError(`--slug: ${s.error.issues[0]!.message}`, 2);
    slug = s.data;
  }

  const client = await ctx.database.pool.connect();
  const tx = drizzle(client, { schema, casing: 'snake_case' });
  try {
    await client.query('begin');
    const taken = await client.query('select 1 from workspaces where slug = $1', [slug]);
    if (taken.rowCount) {
      throw new CliError(input.slug !== undefined
        ? `the slug "${slug}" is taken; choose another --slug`
        : `a workspace with the slug "${slug}" exists; pass --slug <new-slug> to import a copy`);
    }

    const catalog = await readCatalog(client);
    const tables: Table[] = [];
    const columns = new Map<string, string[]>();
    for (const [name, rows] of Object.entries(f.tables)) {
      // Derived rows (in files from before they were left out) are rebuilt below, not copied.
      if (DERIVED_TABLES.has(name)) continue;
      const t = catalog.get(`public.${name}`);
      if (!t) throw new CliError(`the file has a table "${name}" this database does not have`);
      if (name !== 'workspaces' && !t.columns.some((c) => c.name === 'workspace_id')) throw new CliError(`${name} is not a workspace table`);
      const keys = new Set(rows.flatMap((r) => Object.keys(r)));
      for (const k of keys) if (!t.columns.some((c) => c.name === k)) throw new CliError(`${name} has no column "${k}" in this database`);
      tables.push(t);
      columns.set(t.key, t.columns.filter((c) => keys.has(c.name) && !c.generated).map((c) => c.name));
    }

    // People: by e-mail.
    const ids = new Map<string, string>();
    const createdUsers: string[] = [];
    for (const u of f.users) {
      const existing = await findUserByEmail(tx, u.email);
      const user = existing ?? (await createUser(tx, systemAudit, { name: u.name, email: u.email, password: newSecret() }));
      if (!existing) createdUsers.push(user.email);
      ids.set(u.id, user.id);
    }

    // Keys: kept, or new for the whole table (see above).
    const sequenceKeys = new Map<string, Map<string, string>>();
    const newIds: string[] = [];
    for (const t of tables) {
      const rows = f.tables[t.name]!;
      const pk = t.primaryKey.length === 1 ? t.columns.find((c) => c.name === t.primaryKey[0]) : undefined;
      if (!pk || rows.length === 0) continue;
      const old = rows.map((r) => keyText(r[pk.name]));
      try {
        if (pk.sequence) {
          const fresh = await client.query<{ v: string }>(`select nextval(${literal(pk.sequence)}::regclass)::text as v from generate_series(1, $1::int)`, [rows.length]);
          sequenceKeys.set(t.key, new Map(old.map((o, i) => [o, fresh.rows[i]!.v])));
        } else if (pk.base === 'uuid') {
          const hit = await client.query(`select 1 from ${t.ident} where ${q(pk.name)} = any($1::uuid[]) limit 1`, [old]);
          if (hit.rowCount) {
            for (const o of old) ids.set(o, randomUUID());
            newIds.push(t.name);
          }
        }
      } catch (e) {
        throw new CliError(`${t.name}.${pk.name}: ${reason(e)}`);
      }
    }

    const workspaceId = ids.get(f.workspace.id) ?? f.workspace.id;
    const order = foreignKeyOrder(tables);
    const checkDeferred = await deferForeignKeys(client, unorderedForeignKeys(order), catalog);
    for (const t of order) {
      const keyMap = sequenceKeys.get(t.key);
      const pk = t.primaryKey[0];
      const rows = f.tables[t.name]!.map((source, index) => {
        const row = remapIds(source, ids) as Row;
        if (keyMap && pk) row[pk] = keyMap.get(keyText(source[pk]));
        for (const fk of t.foreignKeys) {
          const refKeys = sequenceKeys.get(fk.refTable);
          const col = fk.columns[0]!;
          if (refKeys && fk.columns.length === 1 && source[col] !== null && source[col] !== undefined) {
            row[col] = refKeys.get(keyText(source[col])) ?? source[col];
          }
        }
        if (t.name === 'workspaces') row.slug = slug;
        return { row, source, index };
      });
      await insertRows(client, t, columns.get(t.key)!, rows);
    }
    try {
      await checkDeferred();
    } catch (e) {
      throw new CliError(reason(e));
    }
    await raiseSequences(client, order);
    // The search index is derived: built from the rows just written (under their ids here).
    const indexed = await writeWorkspaceIndex(tx, workspaceId);
    await recordAudit(tx, systemAudit, {
      workspaceId, action: 'workspace.import', entityType: 'workspace', entityId: workspaceId,
      after: {
        slug, name: f.workspace.name, counts: f.counts, createdUsers, newIds,
        source: { workspaceId: f.workspace.id, slug: f.workspace.slug, exportedAt: f.exportedAt, file: input.file },
      },
    });
    await client.query('commit');

    for (const email of createdUsers) ctx.say(`created user ${email} (no usable password: an admin resets it before they sign in)`);
    if (newIds.length) ctx.say(`new ids for ${newIds.join(', ')}: theirs already exist in this database`);
    const rows = tables.reduce((a, t) => a + f.tables[t.name]!.length, 0);
    ctx.say(`indexed ${indexed} documents for search`);
    ctx.say(`imported workspace ${slug} (${f.workspace.name}): ${rowCount(rows)} in ${tables.length} tables`);
    return { workspaceId, slug, counts: f.counts, createdUsers, newIds };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw new CliError(`import failed, nothing was written: ${e instanceof CliError ? e.message : reason(e)}`, e instanceof CliError ? e.exitCode : 1);
  } finally {
    client.release();
  }
}
