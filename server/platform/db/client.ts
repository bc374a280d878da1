import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

// numeric columns (money, effort) are read as JS numbers; values stay well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// int8 counts (count(*)) as numbers too.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// dates stay 'YYYY-MM-DD' strings: no time-zone shift through JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the pool or an open transaction. */
export type Queryable = Db | Tx;

/**
 * Runs independent reads at once on the pool (each on its own connection), one after another in
 * a transaction: a transaction is one connection, and pg refuses overlapping queries on one.
 */
export async function readAll<T extends readonly unknown[]>(db: Queryable, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!(db instanceof PgTransaction)) return Promise.all(reads.map((read) => read())) as unknown as Promise<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

export interface Database {
  /** The connection string (live events open their own LISTEN connection with it). */
  url: string;
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a pool to url and wraps it with Drizzle (snake_case columns). */
export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'tandem' });
  // An idle client losing its server connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  return { url, db, pool, close: () => pool.end() };
}
