import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { loginFailures } from '../tables';

/** Sign-in limits: failures allowed in the window, per account and per client address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

const keys = (email: string, ip: string) => ({ account: `account:${email}`, address: `ip:${ip}` });

/** Refuses the attempt with 429 and the time to retry when either limit is reached. */
export async function assertLoginAllowed(db: Db, email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  const since = sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const rows = await db
    .select({ key: loginFailures.key, n: sql<number>`count(*)::int`, oldest: sql<Date>`min(${loginFailures.at})` })
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
}

export async function recordLoginFailure(db: Db, email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await db.insert(loginFailures).values([{ key: k.account }, { key: k.address }]);
  // Old rows are of no use to the limit: trim them as we go.
  await db.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`));
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, keys(email, '').account));
}
