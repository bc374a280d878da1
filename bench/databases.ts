import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runningServer, withDatabase } from '../server/platform/db/embedded';
import { EMBEDDED_DATABASE } from '../server/platform/db/server';
import { startApp } from './app-process';

/** A running Tandem and the database it uses. */
export interface Target {
  /** Connection string of Tandem's database, for seeding and the SQL floor. */
  url: string;
  /** Where the app listens. */
  baseUrl: string;
}

export const EXTERNAL_DATABASE = 'tandem_bench';

/** Runs fn against an app started with `env`, stopping the app afterwards (SIGTERM, then waiting). */
async function withApp<T>(env: Record<string, string>, fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const app = await startApp(env);
  let result: T;
  try {
    result = await fn(app.baseUrl);
  } catch (e) {
    await app.stop().catch(() => {});
    throw e;
  }
  await app.stop();
  return result;
}

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-bench-'));
  // The embedded PostgreSQL runs as the postgres user when we are root: it must enter the folder.
  await fs.chmod(dir, 0o755);
  return dir;
}

/**
 * Tandem on its own embedded PostgreSQL, in a fresh DATA_DIR. The app starts the server; the
 * benchmark finds it from postmaster.pid (port on line 4) and DATA_DIR/db-password.
 */
export async function onEmbedded<T>(fn: (t: Target) => Promise<T>): Promise<T> {
  const dataDir = await tempDir();
  try {
    return await withApp({ DATA_DIR: dataDir }, async (baseUrl) => {
      const server = await runningServer(path.join(dataDir, 'postgres'));
      if (!server) throw new Error(`no embedded PostgreSQL is running in ${dataDir}/postgres`);
      const password = (await fs.readFile(path.join(dataDir, 'db-password'), 'utf8')).trim();
      const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/${EMBEDDED_DATABASE}`;
      return fn({ url, baseUrl });
    });
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Tandem on a fresh database `tandem_bench` of the external server at serverUrl, dropped
 * afterwards. Runs nothing and says why when the server cannot be reached.
 */
export async function onExternal<T>(serverUrl: string, fn: (t: Target) => Promise<T>): Promise<{ value: T } | { unreachable: string }> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000, application_name: 'tandem-bench' });
  admin.on('error', () => {}); // a lost connection fails the awaited query instead
  try {
    await admin.connect();
  } catch (e) {
    return { unreachable: e instanceof Error ? e.message || e.constructor.name : String(e) };
  }
  const dataDir = await tempDir();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${EXTERNAL_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${EXTERNAL_DATABASE}`);
    const url = withDatabase(serverUrl, EXTERNAL_DATABASE);
    return { value: await withApp({ DATA_DIR: dataDir, DATABASE_URL: url }, (baseUrl) => fn({ url, baseUrl })) };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${EXTERNAL_DATABASE} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
