import { sql } from 'drizzle-orm';
import { DEFAULT_DIGEST, digestDue } from '../../../domain/collaboration/email';
import type { Config } from '../../platform/config';
import type { Db, Queryable } from '../../platform/db/client';
import { queueEmail } from '../../platform/mail/outbox';
import { type DigestGroup, digestEmail } from './templates';

/** The most notifications one digest lists; the rest are counted ("and N more"). */
export const DIGEST_SHOWN = 50;

type Candidate = {
  user_id: string;
  hour: number | null;
  time_zone: string | null;
  last_sent_on: string | null;
};

type PendingRow = {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  slug: string;
  workspace_name: string;
};

/**
 * Queues one digest e-mail for each person whose digest hour has come in their time zone today,
 * who has had no digest this local day, and who has notifications waiting for it. Once per
 * person per local day, even with several processes running it at once: the digest_settings row
 * is claimed by a conditional upsert (… where last_sent_on < today returning), in the same
 * transaction that queues the e-mail and marks the notifications emailed. Returns the number queued.
 */
export async function runDigests(db: Db, config: Pick<Config, 'smtpUrl' | 'baseUrl'>, now: Date = new Date()): Promise<number> {
  const candidates = await db.execute<Candidate>(sql`
    select p.user_id, d.hour, d.time_zone, d.last_sent_on::text as last_sent_on
    from (select distinct n.user_id from notifications n
      join memberships m on m.workspace_id = n.workspace_id and m.user_id = n.user_id
      where n.email = 'digest' and n.emailed_at is null) p
    left join digest_settings d on d.user_id = p.user_id`);
  let queued = 0;
  for (const c of candidates.rows) {
    const { due, today } = digestDue({
      hour: c.hour ?? DEFAULT_DIGEST.hour, timeZone: c.time_zone ?? DEFAULT_DIGEST.timeZone, lastSentOn: c.last_sent_on,
    }, now);
    if (!due) continue;
    if (await digestFor(db, config, c.user_id, today)) queued++;
  }
  return queued;
}

/** Thrown to roll back a claim when nothing was pending after all. */
class NothingPending extends Error {}

async function digestFor(db: Db, config: Pick<Config, 'smtpUrl' | 'baseUrl'>, userId: string, today: string): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      // Claims today's digest: a concurrent run waits on the row, then finds last_sent_on = today and gets no row.
      const claimed = await tx.execute(sql`
        insert into digest_settings (user_id, last_sent_on) values (${userId}, ${today}::date)
        on conflict (user_id) do update set last_sent_on = excluded.last_sent_on
        where digest_settings.last_sent_on is null or digest_settings.last_sent_on < excluded.last_sent_on
        returning user_id`);
      if (claimed.rows.length === 0) return false;
      const [user] = (await tx.execute<{ email: string }>(sql`select email from users where id = ${userId}`)).rows;
      const pending = await pendingFor(tx, userId);
      if (!user || pending.length === 0) throw new NothingPending();
      const mail = digestEmail({ date: today, total: pending.length, ...groupsOf(pending, config.baseUrl), baseUrl: config.baseUrl });
      const workspaceIds = new Set(pending.map((p) => p.workspace_id));
      // A digest of one workspace shows in that workspace's outbox; one spanning several belongs to none.
      const workspaceId = workspaceIds.size === 1 ? pending[0]!.workspace_id : null;
      await queueEmail(tx, config, { workspaceId, userId, kind: 'digest', to: user.email, ...mail });
      await tx.execute(sql`update notifications set emailed_at = now() where id = any(${sql.param(pending.map((p) => p.id))}::uuid[])`);
      return true;
    });
  } catch (err) {
    if (err instanceof NothingPending) return false;
    throw err;
  }
}

async function pendingFor(tx: Queryable, userId: string): Promise<PendingRow[]> {
  const rows = await tx.execute<PendingRow>(sql`
    select n.id, n.workspace_id, n.title, n.body, n.link, n.created_at, w.slug, w.name as workspace_name
    from notifications n
    join workspaces w on w.id = n.workspace_id
    -- Someone who left a workspace hears no more of it.
    join memberships m on m.workspace_id = n.workspace_id and m.user_id = n.user_id
    where n.user_id = ${userId} and n.email = 'digest' and n.emailed_at is null
    order by n.created_at desc, n.id desc
    for update of n`);
  return rows.rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/** The newest DIGEST_SHOWN notifications grouped by workspace (the workspace with the newest first). */
function groupsOf(pending: PendingRow[], baseUrl: string): { groups: DigestGroup[]; more: number } {
  const groups = new Map<string, DigestGroup>();
  for (const n of pending.slice(0, DIGEST_SHOWN)) {
    let g = groups.get(n.workspace_id);
    if (!g) {
      g = { workspaceName: n.workspace_name, allUrl: `${baseUrl}/w/${n.slug}/notifications`, items: [] };
      groups.set(n.workspace_id, g);
    }
    g.items.push({ title: n.title, body: n.body, url: `${baseUrl}/w/${n.slug}${n.link}`, at: n.created_at });
  }
  return { groups: [...groups.values()], more: Math.max(0, pending.length - DIGEST_SHOWN) };
}
