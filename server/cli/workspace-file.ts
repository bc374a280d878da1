import { z } from 'zod';
import { Id, IsoDateTime } from '../../domain/common';
import { Email, PersonName } from '../../domain/platform/schemas';
import type { Table } from './catalog';
import { MigrationLevel } from './migrations';

/**
 * The workspace file of `workspace:export` / `workspace:import`: every row of one workspace,
 * table by table (rows keyed by column name, as PostgreSQL's to_jsonb writes them; numeric and
 * bigint values as strings so no digit is lost), and the users those rows reference — their
 * id, e-mail and name only.
 */
export const WORKSPACE_FORMAT = 'tandem-workspace';
export const WORKSPACE_FORMAT_VERSION = 1;

/** The whole file, checked before anything is written: counts match rows, the workspace is there. */
export const WorkspaceFile = z
  .object({
    format: z.literal(WORKSPACE_FORMAT),
    formatVersion: z.literal(WORKSPACE_FORMAT_VERSION),
    exportedAt: IsoDateTime,
    migration: MigrationLevel,
    workspace: z.object({ id: Id, slug: z.string(), name: z.string() }),
    counts: z.record(z.string(), z.number().int().min(0)),
    users: z.array(z.object({ id: Id, email: Email, name: PersonName })),
    tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a table name'), z.array(z.record(z.string(), z.unknown()))),
  })
  .superRefine((f, ctx) => {
    for (const [table, rows] of Object.entries(f.tables)) {
      if (f.counts[table] !== rows.length) {
        ctx.addIssue({ code: 'custom', path: ['counts', table], message: `says ${f.counts[table] ?? 'nothing'}, the file holds ${rows.length} rows` });
      }
    }
    for (const table of Object.keys(f.counts)) {
      if (!(table in f.tables)) ctx.addIssue({ code: 'custom', path: ['tables', table], message: 'is counted but missing' });
    }
    const ws = f.tables.workspaces;
    if (!ws || ws.length !== 1 || ws[0]!.id !== f.workspace.id) {
      ctx.addIssue({ code: 'custom', path: ['tables', 'workspaces'], message: 'must hold exactly the exported workspace' });
    }
  });
/** A validated workspace file. */
export type TWorkspaceFile = z.infer<typeof WorkspaceFile>;

/** Tables that never travel in a workspace file: accounts and sign-in state. */
const NEVER_EXPORTED = new Set(['users', 'sessions', 'api_tokens', 'login_failures', 'idempotency_keys']);
/**
 * Tables derived from the others, which the import rebuilds rather than copies: a copy would
 * be stale the moment ids are renumbered, and would be taken for source data.
 */
export const DERIVED_TABLES: ReadonlyMap<string, string> = new Map([['search_documents', 'derived: rebuilt on import']]);
/** A column holding a secret or its hash (password_hash, token_hash, client_secret, …). */
const SECRET_COLUMN = /(^|_)(password|secret|token)(_hash)?$/;

const catalogKeys = (catalog: Map<string, Table>, names: string[]) =>
  [...catalog.values()].filter((t) => t.schema === 'public' && names.includes(t.name)).map((t) => t.key);

/** The column that ties a table's rows to one workspace. */
export const workspaceColumn = (t: Table) => (t.name === 'workspaces' ? 'id' : 'workspace_id');

/**
 * Which tables of the public schema a workspace file carries: `workspaces` and every table with
 * a workspace_id column, less those holding secrets (invitations carry a token hash; an invited
 * person is invited again on the other side) and those derived from the others (DERIVED_TABLES).
 */
export function workspaceTables(catalog: Map<string, Table>): { tables: Table[]; leftOut: { table: string; reason: string }[] } {
  const tables: Table[] = [];
  const leftOut: { table: string; reason: string }[] = [];
  for (const t of catalog.values()) {
    if (t.schema !== 'public') continue;
    if (t.name !== 'workspaces' && !t.columns.some((c) => c.name === 'workspace_id')) continue;
    const secret = t.columns.find((c) => SECRET_COLUMN.test(c.name));
    if (NEVER_EXPORTED.has(t.name)) leftOut.push({ table: t.name, reason: 'account data' });
    else if (secret) leftOut.push({ table: t.name, reason: `holds secrets (${secret.name})` });
    else if (t.name === 'email_outbox') leftOut.push({ table: t.name, reason: 'e-mails as sent (may hold invitation links)' });
    else if (DERIVED_TABLES.has(t.name)) leftOut.push({ table: t.name, reason: DERIVED_TABLES.get(t.name)! });
    else tables.push(t);
  }
  // Rows that hang on a table left out for its secrets (a webhook's deliveries) go with it.
  const withSecrets = new Set(catalogKeys(catalog, leftOut.filter((l) => l.reason.startsWith('holds secrets')).map((l) => l.table)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of [...tables]) {
      const dep = t.foreignKeys.find((fk) => withSecrets.has(fk.refTable));
      if (!dep) continue;
      tables.splice(tables.indexOf(t), 1);
      withSecrets.add(t.key);
      leftOut.push({ table: t.name, reason: `belongs to ${catalog.get(dep.refTable)?.name ?? dep.refTable}, left out` });
      changed = true;
    }
  }
  return { tables, leftOut };
}
