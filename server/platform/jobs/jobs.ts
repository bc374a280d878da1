import pg from 'pg';
import PgBoss from 'pg-boss';

/** Scheduled or on-demand background work, run by exactly one process at a time. */
export interface JobDefinition {
  /** Queue name, e.g. 'email.send'. */
  name: string;
  /** Cron (UTC) to run it on; each slot runs once across all processes. */
  cron?: string;
  /** The work: an idempotent sweep of what is due (safe to repeat after a crash). */
  run(): Promise<unknown>;
}

export interface JobsLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The job queue on PostgreSQL (pg-boss, in its own schema `pgboss`): a job survives a restart,
 * is retried with backoff when it throws, and runs on one process at a time. Each queue is
 * 'stately' — at most one job waiting and one running — so a burst of `kick`s from every
 * process (e.g. after each change that queued e-mails) collapses into one run, and a cron slot
 * is sent once (pg-boss keys scheduled sends by their minute).
 */
export class Jobs {
  private constructor(private readonly boss: PgBoss, private readonly names: Set<string>) {}

  static async start(url: string, definitions: JobDefinition[], log: JobsLog): Promise<Jobs> {
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', application_name: 'tandem-jobs', max: 4 });
    boss.on('error', (e) => log.error({ err: e }, 'job queue error'));
    await boss.start();
    await createQueues(url, boss, definitions.map((d) => d.name));
    for (const d of definitions) {
      await boss.work(d.name, { pollingIntervalSeconds: 2 }, async () => {
        const began = Date.now();
        const result = await d.run();
        log.info({ job: d.name, ms: Date.now() - began, result }, 'job done');
      });
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: 'UTC' });
      else await boss.unschedule(d.name).catch(() => {});
    }
    return new Jobs(boss, new Set(definitions.map((d) => d.name)));
  }

  /** Asks for a run soon (collapsed with any run already waiting). */
  async kick(name: string): Promise<void> {
    if (!this.names.has(name)) throw new Error(`no job named ${name}`);
    await this.boss.send(name, {});
  }

  /** Stops taking jobs and waits (up to timeoutMs) for running ones. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}

/**
 * Creates the missing queues. Two processes starting together deadlock inside pg-boss's
 * createQueue (each creates the same partition), so the processes take turns under an
 * advisory lock, and a queue that exists is left as it is.
 */
async function createQueues(url: string, boss: PgBoss, names: string[]): Promise<void> {
  const lock = new pg.Client({ connectionString: url, application_name: 'tandem-jobs-setup' });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('tandem.jobs.setup'))`);
    for (const name of names) {
      if (await boss.getQueue(name)) continue;
      await boss.createQueue(name, { name, policy: 'stately', retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 });
    }
  } finally {
    await lock.end().catch(() => {});
  }
}
