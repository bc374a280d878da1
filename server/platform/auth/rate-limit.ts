import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { loginFailures } from '../tables';

/** Sign-in limits: failures allowed in the window, per account and per client address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

const keys = (email: string, ip: string) => ({ account: `account:${email}`, address: `ip:${ip}` });

/**
 * Checks both limits and records this attempt as a failure, atomically per account (an advisory
 * lock on the account key), so parallel guesses cannot all pass the check before any is counted.
 * Refuses with 429 and the time to retry when a limit is reached. Returns the recorded rows' ids.
 */
export async function beginLoginAttempt(db: Db, email: string, ip: string): Promise<number[]> {
  const k = keys(email, ip);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${k.account}))`);
    const since = sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
    const rows = await tx
      .select({ key: loginFailures.key, n: sql<number>`count(*)::int`, oldest: sql<string>`min(${loginFailures.at})::text` })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, [k.account, k.address]), gt(loginFailures.at, since)))
      .groupBy(loginFailures.key);
    for (const r of rows) {
      const limit = r.key === k.account ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perAddress;
      if (r.n >= limit) {
        const retryAt = new Date(new Date(r.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000);
        const who = r.key === k.account ? 'this account' : 'your address';
        throw new AppError(
          429,
          'Too many sign-in attempts',
          `Too many failed sign-ins for ${who}. Try again at ${retryAt.toISOString().slice(11, 16)} UTC.`,
          undefined,
          { retryAt: retryAt.toISOString() },
        );
      }
    }
    const recorded = await tx.insert(loginFailures).values([{ key: k.account }, { key: k.address }]).returning({ id: loginFailures.id });
    // Old rows are of no use to the limit: trim them as we go.
    await tx.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`));
    return recorded.map((r) => r.id);
  });
}

/** A right password: this attempt was no failure, and the account's count starts again. */
export async function loginSucceeded(db: Db, email: string, attempt: number[]): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.id, attempt));
  await db.delete(loginFailures).where(eq(loginFailures.key, keys(email, '').account));
}
