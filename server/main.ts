import { buildApp } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/client';
import { applyMigrations } from './platform/db/migrate';
import { openDatabaseServer } from './platform/db/server';

/** `npm start`: validate settings, bring up the database, migrate, serve, shut down cleanly. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`tandem: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const say = (msg: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg }));
  const server = await openDatabaseServer(config, say);
  const state = { shuttingDown: false };
  let database;
  let app;
  try {
    await applyMigrations(server.url);
    database = openDatabase(server.url, 20);
    app = await buildApp({ config, database, state });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await database?.close().catch(() => {});
    await server.release().catch(() => {});
    throw e;
  }
  say(`Tandem is running at ${config.baseUrl}`);
  console.log(`\n  Tandem is running at ${config.baseUrl}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing requests and stopping`);
    state.shuttingDown = true;
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    // Keep-alive connections that go idle once their last request is answered are closed as
    // they do; close() alone closes only those idle at the moment it is called.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await app.close();
      clearInterval(sweep);
      await database.close();
      await server.release();
      say('stopped cleanly');
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(`tandem: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
