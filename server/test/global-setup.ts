import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, withDatabase, type EmbeddedPostgres } from '../platform/db/embedded';
import { applyMigrations } from '../platform/db/migrate';

export const TEMPLATE = 'tandem_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (any database) where test databases are created from the template. */
    serverUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL's server when set, else an embedded one
 * in a temporary folder. A migrated template database is built once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | null = null;
  let tmp: string | null = null;
  let serverUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-test-'));
    await fs.chmod(tmp, 0o755);
    embedded = await startEmbedded(tmp);
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Test databases of earlier runs on an external server are dropped first.
  const old = await admin.query<{ datname: string }>("select datname from pg_database where datname like 't\\_%' or datname = $1", [TEMPLATE]);
  for (const { datname } of old.rows) await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  await applyMigrations(withDatabase(serverUrl, TEMPLATE));
  project.provide('serverUrl', serverUrl);

  return async () => {
    if (embedded) await embedded.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  };
}
