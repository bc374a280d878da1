import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { withDatabase } from './embedded';
import { applyMigrations, migrationsApplied } from './migrate';

it('applies migrations once when two processes start together', async () => {
  const serverUrl = inject('serverUrl');
  const name = `t_mig_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  try {
    await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const pool = new pg.Pool({ connectionString: url });
    // The database is dropped with (force) below: a connection still closing must not raise.
    pool.on('error', () => {});
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    const { rows: files } = await pool.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name = 'goals'");
    expect(files[0]!.n).toBe(1);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await migrationsApplied(pool)).toBe(true);
    await pool.end();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
