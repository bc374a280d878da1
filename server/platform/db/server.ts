import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import { runningServer, startEmbedded, withDatabase } from './embedded';
import { ensureDatabase } from './migrate';

/** The database the app uses, and how to let go of its server afterwards. */
export interface DatabaseServer {
  url: string;
  embedded: boolean;
  /**
   * Calls onLost once if the embedded server this process started goes away underneath it
   * (killed, crashed). Nothing to watch for DATABASE_URL (readiness reports it) or a shared server.
   */
  watch(onLost: (reason: string) => void): void;
  /** Stops the embedded server this process started and releases DATA_DIR; nothing otherwise. */
  release(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'tandem';

/**
 * DATABASE_URL when set; otherwise the embedded server under DATA_DIR — started here, holding
 * DATA_DIR's lock (a second app on the same DATA_DIR is refused), or, when `shareRunning` and a
 * Tandem process already runs it (the CLI beside the app), reused without the lock.
 */
export async function openDatabaseServer(config: Config, log: (msg: string) => void, shareRunning = false): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, watch: () => {}, release: async () => {} };
  }
  if (shareRunning) {
    const running = await runningServer(path.join(config.dataDir, 'postgres'));
    if (running) {
      const password = (await fs.readFile(path.join(config.dataDir, 'db-password'), 'utf8')).trim();
      const url = `postgres://postgres:${password}@127.0.0.1:${running.port}/${EMBEDDED_DATABASE}`;
      return { url, embedded: true, watch: () => {}, release: async () => {} };
    }
  }
  const pg = await startEmbedded(config.dataDir, log);
  const url = withDatabase(pg.url, EMBEDDED_DATABASE);
  try {
    await ensureDatabase(url);
  } catch (e) {
    await pg.stop().catch(() => {});
    throw e;
  }
  return { url, embedded: true, watch: (onLost) => pg.watch(onLost), release: () => pg.stop() };
}
