import pg from 'pg';

/**
 * A second connection to a test database that holds locks in an open transaction, to line up
 * concurrent requests in a known order: hold what they need, start them one by one (each
 * waits), then release and see how they end.
 */
export interface LockHolder {
  /** Runs a statement inside the holder's transaction (e.g. takes an advisory or a row lock). */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Resolves once at least `n` other sessions of the database wait for a lock (fails after 10 s). */
  waiters(n: number): Promise<void>;
  /** Ends the transaction: every lock it holds is released. */
  release(): Promise<void>;
  /** Closes the connection (rolling back what is still open). */
  end(): Promise<void>;
}

export async function lockHolder(url: string): Promise<LockHolder> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('begin');
  return {
    query: (text, values) => c.query(text, values),
    async waiters(n) {
      const until = Date.now() + 10_000;
      for (;;) {
        // Inside a transaction the activity view is a snapshot taken once: drop it to see now.
        await c.query('select pg_stat_clear_snapshot()');
        const r = await c.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
        );
        if (r.rows[0]!.n >= n) return;
        if (Date.now() > until) throw new Error(`expected ${n} sessions waiting for a lock, found ${r.rows[0]!.n}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await c.query('commit');
    },
    async end() {
      await c.end();
    },
  };
}
