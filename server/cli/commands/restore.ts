import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { z } from 'zod';
import { applyMigrations } from '../../platform/db/migrate';
import {
  BackupHeader, CheckFile, MIGRATIONS_TABLE, TableMarker, Trailer, type TBackupHeader, type TCheckFile, decodeRowLine,
} from '../backup-file';
import {
  type Sql, type Table, batchInsert, deferForeignKeys, insertableColumns, raiseSequences, readCatalog, tableCheck, tablesWithRows,
  unorderedForeignKeys, useStableTextOutput,
} from '../catalog';
import { type CliContext, CliError, reason, rowCount } from '../context';
import { assertKnownLevel, journal, migrateInTransaction } from '../migrations';
import { findPgTools, libpqTarget, pickTool, pipeRestore } from '../pg-tools';

/** What was restored, and whether it was checked row for row. */
export interface RestoreResult {
  format: 'pg_dump' | 'jsonl';
  tables: number;
  rows: number;
  /** False only for a pg_dump file without its check file beside it. */
  verified: boolean;
}

/** Rows per INSERT, and characters: whichever is reached first closes a batch. */
const BATCH_ROWS = 5000;
const BATCH_CHARS = 8_000_000;

async function fileKind(file: string): Promise<'pg_dump' | 'jsonl'> {
  let head: Buffer;
  try {
    const fh = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(5);
      await fh.read(head, 0, 5, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'jsonl';
  throw new CliError(`${file} is not a Tandem backup (neither a pg_dump custom-format file nor gzip'd JSON lines)`);
}

/**
 * The database must hold no rows; with --force it may (they are replaced). Refuses otherwise.
 */
async function assertEmpty(ctx: CliContext, sql: Sql, force: boolean): Promise<void> {
  const filled = await tablesWithRows(sql, (await readCatalog(sql)).values());
  if (filled.length > 0 && !force) {
    const shown = filled.slice(0, 5).join(', ') + (filled.length > 5 ? `, and ${filled.length - 5} more` : '');
    throw new CliError(`the database is not empty (rows in ${shown}): restore needs an empty database; --force replaces everything in it`);
  }
  if (filled.length > 0) ctx.say(`--force: replacing ${filled.length} tables with rows (kept if the restore fails)`);
}

/**
 * Empties the database down to a bare public schema, inside the restore's transaction: an empty
 * database is wiped too, so the schema is rebuilt at the backup's own migration level.
 */
const WIPE = 'set client_min_messages = warning; drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;';

/** Compares each table with the backup's count and checksum; prints one line a table. */
async function verify(ctx: CliContext, sql: Sql, expected: { name: string; rows: number; checksum: string }[], catalog: Map<string, Table>): Promise<number> {
  const wrong: string[] = [];
  let rows = 0;
  for (const e of expected) {
    const t = catalog.get(e.name);
    const got = t ? await tableCheck(sql, t) : null;
    const ok = got !== null && got.rows === e.rows && got.checksum === e.checksum;
    rows += got?.rows ?? 0;
    ctx.say(`check ${e.name}: ${rowCount(e.rows)}, checksum ${e.checksum.slice(0, 8)} ${ok ? 'match' : `DIFFER (restored ${got ? `${rowCount(got.rows)}, checksum ${got.checksum.slice(0, 8)}` : 'no such table'})`}`);
    if (!ok) wrong.push(e.name);
  }
  if (wrong.length) throw new CliError(`the restored rows differ from the backup in ${wrong.join(', ')}`);
  return rows;
}

/** Brings a database restored at an older level up to this version's migrations. */
async function migrateRest(ctx: CliContext, applied: number): Promise<void> {
  const latest = (await journal()).length;
  if (applied >= latest) return;
  await applyMigrations(ctx.url);
  ctx.say(`applied ${latest - applied} newer migrations after the restore`);
}

/**
 * `restore`: a backup into an empty database (or, with --force, one whose rows it replaces).
 * JSON lines, in one transaction: the schema is wiped and rebuilt by migrating to the backup's
 * level, the rows are loaded in foreign-key order (a batch per INSERT … json_populate_recordset),
 * sequences are set, and every table is checked against the backup's count and checksum
 * before commit — any failure or difference leaves the database as it was. A pg_dump file
 * goes through a matching pg_restore into psql, wipe and load in one transaction, and is then
 * checked against its check file. Newer migrations are applied afterwards.
 */
export async function restore(ctx: CliContext, input: { file: string; force?: boolean }): Promise<RestoreResult> {
  const kind = await fileKind(input.file);
  const result = kind === 'pg_dump' ? await restorePgDump(ctx, input.file, input.force ?? false) : await restoreJsonLines(ctx, input.file, input.force ?? false);
  ctx.say(`restored ${input.file}: ${result.tables} tables, ${rowCount(result.rows)}${result.verified ? ', verified row for row' : ''}`);
  return result;
}

async function restoreJsonLines(ctx: CliContext, file: string, force: boolean): Promise<RestoreResult> {
  const gunzip = zlib.createGunzip();
  const stream = createReadStream(file).pipe(gunzip);
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (what: string): Promise<string> => {
    const r = await lines.next().catch((e: unknown) => {
      throw new CliError(`${file} is damaged: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (r.done) throw new CliError(`${file} ends early: ${what} is missing`);
    return r.value;
  };
  const parseLine = <T>(schema: z.ZodType<T>, line: string, what: string): T => {
    try {
      return schema.parse(JSON.parse(line));
    } catch {
      throw new CliError(`${file} is damaged: ${what} is not valid`);
    }
  };

  const client = await ctx.database.pool.connect();
  try {
    const header: TBackupHeader = parseLine(BackupHeader, await next('the header'), 'the header');
    await assertKnownLevel(header.migration, file);

    // One transaction from wiping to verifying: any failure leaves the database as it was.
    let rows = 0;
    await client.query('begin');
    try {
      await assertEmpty(ctx, client, force);
      ctx.say(`restoring ${file}: backup of ${header.createdAt}, PostgreSQL ${header.serverVersion}, migration ${header.migration.latest ?? 'none'}`);
      await client.query(WIPE);
      await migrateInTransaction(client, header.migration.applied);
      await useStableTextOutput(client);
      const catalog = await readCatalog(client, ['public', 'drizzle']);
      const order: Table[] = [];
      for (const e of header.tables) {
        const t = catalog.get(e.name);
        if (!t) throw new CliError(`${e.name}: the backup has this table, the migrated database does not`);
        const missing = e.columns.filter((c) => !t.columns.some((col) => col.name === c));
        if (missing.length) throw new CliError(`${e.name}: no column ${missing.join(', ')} after migrating to the backup's level`);
        order.push(t);
      }
      const checkDeferred = await deferForeignKeys(client, unorderedForeignKeys(order.filter((t) => t.key !== MIGRATIONS_TABLE)), catalog);

      let total = 0;
      for (const [i, e] of header.tables.entries()) {
        const t = order[i]!;
        const marker = parseLine(TableMarker, await next(`the start of ${e.name}`), `the start of ${e.name}`);
        if (marker.table !== e.name || marker.rows !== e.rows) throw new CliError(`${file} is damaged: expected ${e.name} (${e.rows} rows), found ${marker.table} (${marker.rows})`);
        // The migrations table was rebuilt by migrating; its backed-up rows are only compared.
        const load = t.key !== MIGRATIONS_TABLE;
        const columns = insertableColumns(t).filter((c) => e.columns.includes(c));
        const statement = batchInsert(t, columns);
        let batch: string[] = [];
        let chars = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          try {
            await client.query(statement, [`[${batch.join(',')}]`]);
          } catch (err) {
            throw new CliError(`${e.name}: ${reason(err)}`);
          }
          batch = [];
          chars = 0;
        };
        for (let n = 0; n < e.rows; n++) {
          const line = await next(`row ${n + 1} of ${e.name}`);
          if (!load) continue;
          batch.push(decodeRowLine(line));
          chars += line.length;
          if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
        }
        await flush();
        total += e.rows;
      }
      const trailer = parseLine(Trailer, await next('the end marker'), 'the end marker');
      if (trailer.rows !== total) throw new CliError(`${file} is damaged: the end marker counts ${trailer.rows} rows, the file held ${total}`);
      try {
        await checkDeferred();
      } catch (err) {
        throw new CliError(reason(err));
      }
      await raiseSequences(client, order, new Map(header.sequences.map((s) => [s.name, s.lastValue])));
      rows = await verify(ctx, client, header.tables, catalog);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw new CliError(`restore failed, the database is unchanged: ${e instanceof CliError ? e.message : reason(e)}`);
    }
    await migrateRest(ctx, header.migration.applied);
    return { format: 'jsonl', tables: header.tables.length, rows, verified: true };
  } finally {
    client.release();
    stream.destroy();
  }
}

async function restorePgDump(ctx: CliContext, file: string, force: boolean): Promise<RestoreResult> {
  let check: TCheckFile | null = null;
  const checkPath = `${file}.check.json`;
  const checkText = await fs.readFile(checkPath, 'utf8').catch(() => null);
  if (checkText !== null) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(checkText);
    } catch {
      // Not JSON: reported just below like any other wrong content.
    }
    const parsed = CheckFile.safeParse(raw);
    if (!parsed.success) throw new CliError(`${checkPath} is not a Tandem backup check file`);
    check = parsed.data;
    await assertKnownLevel(check.migration, file);
  }
  const tool = pickTool(await findPgTools('pg_restore'), check?.pgDumpMajor ?? 0);
  if (!tool) throw new CliError(`${file} is a pg_dump file and no pg_restore${check ? ` of version ${check.pgDumpMajor} or newer` : ''} is installed`);

  const client = await ctx.database.pool.connect();
  try {
    await assertEmpty(ctx, client, force);
    try {
      await pipeRestore(tool, file, WIPE + '\n', libpqTarget(ctx.url));
    } catch (e) {
      throw new CliError(`restore failed, the database is unchanged: ${e instanceof Error ? e.message : String(e)}`);
    }
    ctx.say(`pg_restore ${tool.major} loaded ${file} in one transaction`);
    await client.query('begin isolation level repeatable read read only');
    let rows = 0;
    let tables = 0;
    try {
      await useStableTextOutput(client);
      const catalog = await readCatalog(client, ['public', 'drizzle']);
      if (check) {
        rows = await verify(ctx, client, check.tables, catalog);
        tables = check.tables.length;
      } else {
        ctx.say(`no ${checkPath}: the restore is not verified row for row`);
        for (const t of catalog.values()) rows += (await tableCheck(client, t)).rows;
        tables = catalog.size;
      }
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
    if (check) await migrateRest(ctx, check.migration.applied);
    else await applyMigrations(ctx.url);
    return { format: 'pg_dump', tables, rows, verified: check !== null };
  } finally {
    client.release();
  }
}
