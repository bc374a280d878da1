import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CHECK_FORMAT, type TBackupHeader, type TCheckFile, encodeRowLine,
} from '../backup-file';
import { type Sql, type Table, foreignKeyOrder, readCatalog, stableOrder, tableCheck, useStableTextOutput } from '../catalog';
import { type CliContext, CliError, rowCount, fileStamp, size } from '../context';
import { migrationLevel } from '../migrations';
import { openOutput } from '../output';
import { type PgTool, findPgTools, libpqTarget, pickTool, runPgTool } from '../pg-tools';

/** auto: pg_dump when a new enough one is installed, else JSON lines. */
export type BackupFormat = 'auto' | 'pg_dump' | 'jsonl';

/** What was written. */
export interface BackupResult {
  file: string;
  format: 'pg_dump' | 'jsonl';
  tables: number;
  rows: number;
  bytes: number;
  /** The table checks beside a pg_dump file. */
  checkFile: string | null;
}

const FETCH = 2000;

/** The tables of a backup, in foreign-key order, then drizzle's migrations table. */
async function backupTables(sql: Sql): Promise<Table[]> {
  const catalog = await readCatalog(sql, ['public', 'drizzle']);
  const all = [...catalog.values()];
  return [...foreignKeyOrder(all.filter((t) => t.schema === 'public')), ...all.filter((t) => t.schema !== 'public')];
}

/** The last value handed out by every sequence behind a column of `tables`. */
async function sequenceValues(sql: Sql, tables: Table[]): Promise<TBackupHeader['sequences']> {
  const out: TBackupHeader['sequences'] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.sequence) continue;
      const r = await sql.query<{ v: string }>(`select (case when is_called then last_value else last_value - 1 end)::text as v from ${c.sequence}`);
      out.push({ name: c.sequence, lastValue: r.rows[0]!.v });
    }
  }
  return out;
}

/**
 * `backup`: the whole database as one consistent snapshot, while the app keeps running.
 * With a pg_dump at least as new as the server: its custom format (`-Fc`) on an exported
 * snapshot, plus a check file of row counts and checksums taken from that same snapshot.
 * Otherwise (the embedded server: its package ships no pg_dump, Debian's is older): every
 * table as gzip'd JSON lines from one REPEATABLE READ READ ONLY transaction, read through a
 * cursor so memory stays flat however many rows there are.
 */
export async function backup(ctx: CliContext, input: { out?: string; format?: BackupFormat } = {}): Promise<BackupResult> {
  const format = input.format ?? 'auto';
  const client = await ctx.database.pool.connect();
  try {
    const version = await client.query<{ v: string; n: string }>("select current_setting('server_version') as v, current_setting('server_version_num') as n");
    const serverVersion = version.rows[0]!.v;
    const major = Math.floor(Number(version.rows[0]!.n) / 10_000);
    let tool: PgTool | null = null;
    if (format !== 'jsonl') {
      const tools = await findPgTools('pg_dump');
      tool = pickTool(tools, major);
      if (!tool && format === 'pg_dump') {
        const seen = tools.map((t) => `${t.major} (${t.path})`).join(', ') || 'none';
        throw new CliError(`no pg_dump of version ${major} or newer is installed (found: ${seen}); use --format jsonl`);
      }
    }
    const file = path.resolve(input.out ?? `tandem-backup-${fileStamp()}${tool ? '.dump' : '.jsonl.gz'}`);

    await client.query('begin isolation level repeatable read read only');
    try {
      await useStableTextOutput(client);
      const tables = await backupTables(client);
      const entries: TBackupHeader['tables'] = [];
      for (const t of tables) entries.push({ name: t.key, columns: t.columns.map((c) => c.name), ...(await tableCheck(client, t)) });
      const migration = await migrationLevel(client);
      const rows = entries.reduce((a, e) => a + e.rows, 0);
      const result = tool
        ? await dumpWithPgDump(ctx, client, tool, file, {
          format: CHECK_FORMAT, pgDumpMajor: tool.major, createdAt: new Date().toISOString(), serverVersion, migration,
          tables: entries.map(({ columns: _, ...e }) => e),
        })
        : await dumpAsJsonLines(client, tables, file, {
          format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), serverVersion, migration,
          tables: entries, sequences: await sequenceValues(client, tables),
        });
      await client.query('commit');
      const how = tool ? `pg_dump ${tool.major} custom format, checks in ${path.basename(result.checkFile!)}` : `JSON lines, gzip'd${format === 'auto' ? `: no pg_dump ${major} or newer installed` : ''}`;
      ctx.say(`backup written: ${file} (${tables.length} tables, ${rowCount(rows)}, ${size(result.bytes)}; ${how})`);
      return { file, format: tool ? 'pg_dump' : 'jsonl', tables: tables.length, rows, bytes: result.bytes, checkFile: result.checkFile };
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
  } finally {
    client.release();
  }
}

async function dumpAsJsonLines(sql: Sql, tables: Table[], file: string, header: TBackupHeader): Promise<{ bytes: number; checkFile: null }> {
  const output = openOutput(file, { gzip: true });
  try {
    await output.write(JSON.stringify(header) + '\n');
    let total = 0;
    for (const [i, t] of tables.entries()) {
      const expected = header.tables[i]!.rows;
      await output.write(JSON.stringify({ table: t.key, rows: expected }) + '\n');
      await sql.query(`declare backup_rows no scroll cursor for select row_to_json(r)::text as j from ${t.ident} r order by ${stableOrder(t, 'r')}`);
      let n = 0;
      for (;;) {
        const batch = await sql.query<{ j: string }>(`fetch ${FETCH} from backup_rows`);
        if (batch.rows.length === 0) break;
        n += batch.rows.length;
        await output.write(batch.rows.map((r) => encodeRowLine(r.j)).join('\n') + '\n');
      }
      await sql.query('close backup_rows');
      // One snapshot: the cursor sees exactly the rows counted. Anything else is a bug, not data.
      if (n !== expected) throw new CliError(`${t.key}: counted ${expected} rows but read ${n}`);
      total += n;
    }
    await output.write(JSON.stringify({ end: true, rows: total }) + '\n');
    return { bytes: await output.finish(), checkFile: null };
  } catch (e) {
    await output.abort();
    throw e;
  }
}

async function dumpWithPgDump(ctx: CliContext, sql: Sql, tool: PgTool, file: string, check: TCheckFile): Promise<{ bytes: number; checkFile: string }> {
  // pg_dump reads the very snapshot the checks were computed on.
  const snapshot = (await sql.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
  const partial = `${file}.partial`;
  const target = libpqTarget(ctx.url);
  try {
    await runPgTool(tool, ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, '--no-password', `--dbname=${target.dbname}`], target.env);
    // It holds password hashes: readable by its owner only, like the JSON-lines file.
    await fs.chmod(partial, 0o600);
    await fs.rename(partial, file);
  } catch (e) {
    await fs.rm(partial, { force: true });
    throw e;
  }
  const checkFile = `${file}.check.json`;
  await fs.writeFile(checkFile, JSON.stringify(check, null, 1) + '\n', { mode: 0o600 });
  return { bytes: (await fs.stat(file)).size, checkFile };
}
