import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/client';
import { applyMigrations } from './platform/db/migrate';
import { openDatabaseServer } from './platform/db/server';
import { EventHub } from './platform/events/hub';
import { Jobs } from './platform/jobs/jobs';
import { collaborationJobs, kickJobsOnEvents } from './collaboration/jobs';
import { reindexIfEmpty } from './collaboration/search/backfill';

/** How long in-flight requests get to finish once the listener closes, before the process gives up. */
const CLOSE_TIMEOUT_MS = 25_000;
/** How long stopping the embedded database may take when the process gives up. */
const LAST_STOP_TIMEOUT_MS = 10_000;

/** One JSON log line, in the shape of the app's pino lines (30 info, 50 error). */
const say = (msg: string, level = 30) => console.log(JSON.stringify({ level, time: Date.now(), msg }));

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
  // A signal while starting waits until the app is up, then stops it cleanly (the database
  // included); a second one ends the process at once.
  let earlySignal: NodeJS.Signals | null = null;
  const onEarlySignal = (signal: NodeJS.Signals) => {
    if (earlySignal) process.exit(130);
    earlySignal = signal;
    say(`${signal} received while starting: stopping once started`);
  };
  process.on('SIGTERM', onEarlySignal);
  process.on('SIGINT', onEarlySignal);

  const server = await openDatabaseServer(config, say);
  const state = { shuttingDown: false };
  let database;
  let app;
  let jobs: Jobs | undefined;
  try {
    await applyMigrations(server.url);
    database = openDatabase(server.url, 20);
    // The search index is kept with every change; an installation from before it existed is indexed once.
    await reindexIfEmpty(database.db);
    const events = new EventHub(server.url);
    app = await buildApp({ config, database, state, events }, { checkResponses: false });
    // Background work (e-mail, digests, webhooks, reminders) on a queue in the database: any
    // number of processes may run it; each job runs on one of them at a time.
    jobs = await Jobs.start(server.url, collaborationJobs(database.db, config), app.log);
    const started = jobs;
    const log = app.log;
    kickJobsOnEvents(events, started, (e) => log.error({ err: e }, 'could not start a job'));
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await jobs?.stop(1_000).catch(() => {});
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    await server.release().catch(() => {});
    throw e;
  }
  say(`Tandem is running at ${config.baseUrl}`);
  console.log(`\n  Tandem is running at ${config.baseUrl}\n`);

  // Without its database the app could only answer 500s: exit, and let the process manager restart it.
  server.watch((reason) => {
    say(`${reason}; exiting so that the process manager restarts Tandem`, 50);
    process.exit(1);
  });

  let stopping = false;
  const giveUp = async () => {
    say('shutdown did not finish in time: stopping the database and exiting', 50);
    setTimeout(() => process.exit(1), LAST_STOP_TIMEOUT_MS).unref();
    await server.release().catch(() => {});
    process.exit(1);
  };
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness turns 503 first, so a load balancer stops sending new requests during the drain.
    state.shuttingDown = true;
    say(`${signal} received: finishing requests and stopping`);
    setTimeout(() => void giveUp(), config.shutdownDrainMs + CLOSE_TIMEOUT_MS).unref();
    if (config.shutdownDrainMs > 0) await sleep(config.shutdownDrainMs);
    // Keep-alive connections that go idle once their last request is answered are closed as
    // they do; close() alone closes only those idle at the moment it is called.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await jobs.stop();
      await app.close();
      clearInterval(sweep);
      await database.close();
      await server.release();
      say('stopped cleanly');
      process.exit(0);
    } catch (e) {
      console.error(e);
      await server.release().catch(() => {});
      process.exit(1);
    }
  };
  process.off('SIGTERM', onEarlySignal);
  process.off('SIGINT', onEarlySignal);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (earlySignal) void shutdown(earlySignal);
}

main().catch((e: unknown) => {
  console.error(`tandem: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
