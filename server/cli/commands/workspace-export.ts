import path from 'node:path';
import { recordAudit, systemAudit } from '../../platform/audit/record';
import { type Table, literal, q, readCatalog, stableOrder, useStableTextOutput } from '../catalog';
import { type CliContext, CliError, rowCount, fileStamp } from '../context';
import { migrationLevel } from '../migrations';
import { openOutput } from '../output';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, workspaceColumn, workspaceTables } from '../workspace-file';

/** The file written, its table counts, and the tables left out with why. */
export interface WorkspaceExportResult {
  file: string;
  counts: Record<string, number>;
  users: number;
  leftOut: string[];
}

/** Types whose values JSON numbers could round: written as strings, read back exactly by PostgreSQL. */
const EXACT_AS_TEXT = new Set(['numeric', 'int8', 'money']);

/** A row as JSON: to_jsonb, with numeric and bigint columns as strings. */
function rowJson(t: Table, alias: string): string {
  const exact = t.columns.filter((c) => EXACT_AS_TEXT.has(c.base));
  const parts = [`to_jsonb(${alias})`];
  // jsonb_build_object takes at most 100 arguments: 50 columns a call.
  for (let i = 0; i < exact.length; i += 50) {
    parts.push(`jsonb_build_object(${exact.slice(i, i + 50).map((c) => `${literal(c.name)}, ${alias}.${q(c.name)}::text`).join(', ')})`);
  }
  return parts.join(' || ');
}

const FETCH = 1000;

/**
 * `workspace:export`: every row of one workspace into one JSON file, read in a single
 * REPEATABLE READ READ ONLY transaction so the file is one consistent moment. Rows are streamed
 * table by table through a cursor; the file has one row a line.
 */
export async function workspaceExport(ctx: CliContext, input: { slug: string; out?: string }): Promise<WorkspaceExportResult> {
  const client = await ctx.database.pool.connect();
  const file = path.resolve(input.out ?? `tandem-${input.slug}-${fileStamp()}.json`);
  let output: ReturnType<typeof openOutput> | null = null;
  let result: WorkspaceExportResult;
  let workspaceId: string;
  try {
    await client.query('begin isolation level repeatable read read only');
    await useStableTextOutput(client);
    const ws = await client.query<{ id: string; slug: string; name: string }>('select id, slug, name from workspaces where slug = $1', [input.slug]);
    const workspace = ws.rows[0];
    if (!workspace) throw new CliError(`no workspace with the slug "${input.slug}"`);
    workspaceId = workspace.id;
    const catalog = await readCatalog(client);
    const { tables, leftOut } = workspaceTables(catalog);
    const exported = new Set(tables.map((t) => t.key));
    const where = (t: Table, alias: string) => `${alias}.${q(workspaceColumn(t))} = ${literal(workspace.id)}`;

    // The rows depend on users (and nothing else outside the workspace): collect who is referenced.
    const userIds = new Set<string>();
    for (const t of tables) {
      for (const fk of t.foreignKeys) {
        if (exported.has(fk.refTable)) continue;
        const cols = fk.columns.map((c) => `r.${q(c)}`);
        if (fk.refTable === 'public.users' && fk.columns.length === 1) {
          const r = await client.query<{ id: string }>(`select distinct ${cols[0]!}::text as id from ${t.ident} r where ${where(t, 'r')} and ${cols[0]!} is not null`);
          for (const row of r.rows) userIds.add(row.id);
          continue;
        }
        const used = await client.query(`select 1 from ${t.ident} r where ${where(t, 'r')} and (${cols.map((c) => `${c} is not null`).join(' or ')}) limit 1`);
        if (used.rowCount) {
          throw new CliError(`${t.name}.${fk.columns.join(',')} references ${fk.refTable}, which a workspace export does not carry; nothing was written`);
        }
      }
    }
    const users = await client.query<{ id: string; email: string; name: string }>(
      'select id, email, name from users where id = any($1::uuid[]) order by email',
      [[...userIds]],
    );

    const counts: Record<string, number> = {};
    for (const t of tables) {
      const r = await client.query<{ n: string }>(`select count(*)::text as n from ${t.ident} r where ${where(t, 'r')}`);
      counts[t.name] = Number(r.rows[0]!.n);
    }

    output = openOutput(file, { gzip: false });
    const header = {
      format: WORKSPACE_FORMAT,
      formatVersion: WORKSPACE_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      migration: await migrationLevel(client),
      workspace,
      counts,
      users: users.rows,
    };
    const headerJson = JSON.stringify(header, null, 1);
    await output.write(`${headerJson.slice(0, -2)},\n "tables": {`);
    for (const [i, t] of tables.entries()) {
      await output.write(`${i === 0 ? '' : ','}\n  ${JSON.stringify(t.name)}: [`);
      await client.query(`declare rows_cursor no scroll cursor for select (${rowJson(t, 'r')})::text as j from ${t.ident} r where ${where(t, 'r')} order by ${stableOrder(t, 'r')}`);
      let first = true;
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${FETCH} from rows_cursor`);
        if (batch.rows.length === 0) break;
        await output.write((first ? '' : ',') + batch.rows.map((r) => `\n   ${r.j}`).join(','));
        first = false;
      }
      await client.query('close rows_cursor');
      await output.write(first ? ']' : '\n  ]');
    }
    await output.write('\n }\n}\n');
    await client.query('commit');
    await output.finish();
    result = { file, counts, users: users.rows.length, leftOut: leftOut.map((l) => `${l.table} (${l.reason})`) };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    await output?.abort();
    throw e;
  } finally {
    client.release();
  }

  // Who took a copy of the workspace's data is worth knowing: recorded once the file is written.
  await recordAudit(ctx.database.db, systemAudit, {
    workspaceId, action: 'workspace.export', entityType: 'workspace', entityId: workspaceId,
    after: { slug: input.slug, file: path.basename(file), counts: result.counts },
  });
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  if (result.leftOut.length) ctx.say(`not exported: ${result.leftOut.join(', ')}`);
  ctx.say(`exported workspace ${input.slug}: ${rowCount(rows)} in ${Object.keys(result.counts).length} tables, ${result.users} users → ${file}`);
  return result;
}
