import fs from 'node:fs/promises';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { migrationsFolder } from '../platform/db/migrate';
import type { Sql } from './catalog';
import { CliError } from './context';

/** How far a database's schema is: the number of migrations applied and the last one's tag. */
export const MigrationLevel = z.object({ applied: z.number().int().min(0), latest: z.string().nullable() });
/** A migration level, as recorded in files. */
export type TMigrationLevel = z.infer<typeof MigrationLevel>;

const Journal = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

/** The committed migrations, oldest first. */
export async function journal(): Promise<{ tag: string; when: number }[]> {
  return Journal.parse(JSON.parse(await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'))).entries;
}

/** The level recorded in drizzle's migrations table (0 when the database was never migrated). */
export async function migrationLevel(sql: Sql): Promise<TMigrationLevel> {
  const exists = await sql.query<{ t: string | null }>("select to_regclass('drizzle.__drizzle_migrations')::text as t");
  if (!exists.rows[0]!.t) return { applied: 0, latest: null };
  const r = await sql.query<{ n: number; last: string | null }>(
    'select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations',
  );
  const { n, last } = r.rows[0]!;
  const entry = (await journal()).find((e) => String(e.when) === last);
  return { applied: n, latest: entry?.tag ?? (last ? `unknown (${last})` : null) };
}

/**
 * Checks that `level` (of a file) is one this code knows: the same migrations, as many or fewer.
 * A file from a newer Tandem is refused before anything is written.
 */
export async function assertKnownLevel(level: TMigrationLevel, what: string): Promise<void> {
  const entries = await journal();
  if (level.applied > entries.length) {
    throw new CliError(`${what} is from a newer Tandem (migration ${level.latest}, ${level.applied} applied; this version knows ${entries.length}): upgrade Tandem first`);
  }
  const expected = level.applied === 0 ? null : entries[level.applied - 1]!.tag;
  if (level.latest !== expected) {
    throw new CliError(`${what} was made with different migrations (its level is ${level.latest}, this version has ${expected} there)`);
  }
}

/**
 * Applies the committed migrations up to `applied` only (a backup's level) inside the caller's
 * transaction, so a restore that fails leaves the database as it was, schema included.
 * drizzle's migrator commits on its own, so its steps are taken here: the same table, the same
 * hash and timestamp per migration (restore compares that table with the backup's).
 */
export async function migrateInTransaction(sql: Sql, applied: number): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder }).slice(0, applied);
  await sql.query('create schema if not exists drizzle');
  await sql.query('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
  for (const m of migrations) {
    for (const statement of m.sql) await sql.query(statement);
    await sql.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [m.hash, m.folderMillis]);
  }
}
