import { z } from 'zod';
import { MigrationLevel } from './migrations';

/**
 * The backup file when no suitable pg_dump is installed: gzip'd JSON lines.
 *   line 1: the header below (tables in foreign-key order, each with rows and checksum);
 *   then, per table in header order: `{"table":"public.goals","rows":N}` and N lines of rows,
 *   each exactly PostgreSQL's row_to_json (read back by json_populate_recordset, so values
 *   never pass through JavaScript numbers);
 *   last line: `{"end":true,"rows":total}` (a cut file is noticed).
 * After pg_dump (custom format), a sidecar `<file>.check.json` holds the same table checks.
 */
/** Names and version written into (and required from) the files. */
export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const CHECK_FORMAT = 'tandem-backup-check';

/** One table of a backup: its columns, row count and checksum (see catalog.tableCheck). */
export const TableEntry = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  rows: z.number().int().min(0),
  checksum: z.string().regex(/^[0-9a-f]{32}$/),
});

/** The first line of a JSON-lines backup. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  serverVersion: z.string(),
  migration: MigrationLevel,
  tables: z.array(TableEntry),
  /** Sequences behind serial/identity columns and their last value. */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().regex(/^-?\d+$/) })),
});
export type TBackupHeader = z.infer<typeof BackupHeader>;

/** The line that opens a table's rows, and the last line of the file. */
export const TableMarker = z.object({ table: z.string(), rows: z.number().int().min(0) });
export const Trailer = z.object({ end: z.literal(true), rows: z.number().int().min(0) });

/** `<file>.check.json` beside a pg_dump file: the table checks of the same snapshot. */
export const CheckFile = z.object({
  format: z.literal(CHECK_FORMAT),
  /** The pg_dump's major version: restoring needs a pg_restore at least as new. */
  pgDumpMajor: z.number().int(),
  createdAt: z.string(),
  serverVersion: z.string(),
  migration: MigrationLevel,
  tables: z.array(TableEntry.omit({ columns: true })),
});
export type TCheckFile = z.infer<typeof CheckFile>;

/**
 * A row's JSON as one line. row_to_json escapes line breaks inside strings, but a `json` column
 * keeps its text as written, line breaks included: such a row is written as a JSON string
 * (a line starting with `"`, never `{`), and read back by {@link decodeRowLine}.
 */
export function encodeRowLine(json: string): string {
  return json.includes('\n') || json.includes('\r') ? JSON.stringify(json) : json;
}

/** The row JSON of a line written by {@link encodeRowLine}. */
export function decodeRowLine(line: string): string {
  return line.startsWith('"') ? (JSON.parse(line) as string) : line;
}

/** The migrations table travels in a backup for the record; restore rebuilds it by migrating. */
export const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';
