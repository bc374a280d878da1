import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db/client';
import { queueEmail } from '../../platform/mail/outbox';
import { notificationEmail } from './templates';

const BATCH = 100;
/** At most this many per run; the next run continues. */
const MAX_PER_RUN = 5_000;

type Pending = {
  id: string;
  workspace_id: string;
  user_id: string;
  title: string;
  body: string;
  link: string;
  email: string;
  slug: string;
  workspace_name: string;
  member: boolean;
};

/**
 * Turns notifications waiting for an immediate e-mail into outbox rows, one e-mail each.
 * Each batch is claimed with FOR UPDATE SKIP LOCKED and marked emailed in the same
 * transaction as its e-mails are queued, so every notification is mailed exactly once however
 * many processes run this at the same time. Returns the number of e-mails queued.
 */
export async function queueNotificationEmails(db: Db, config: Pick<Config, 'smtpUrl' | 'baseUrl'>): Promise<number> {
  let total = 0;
  let mailed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const pending = await tx.execute<Pending>(sql`
        select n.id, n.workspace_id, n.user_id, n.title, n.body, n.link, u.email, w.slug, w.name as workspace_name,
          exists (select 1 from memberships m where m.workspace_id = n.workspace_id and m.user_id = n.user_id) as member
        from notifications n
        join users u on u.id = n.user_id
        join workspaces w on w.id = n.workspace_id
        where n.email = 'immediate' and n.emailed_at is null
        order by n.created_at, n.id
        limit ${BATCH}
        for update of n skip locked`);
      // Someone who left the workspace meanwhile hears no more of it: marked, not mailed.
      for (const n of pending.rows.filter((p) => p.member)) {
        const mail = notificationEmail({
          workspaceName: n.workspace_name, title: n.title, body: n.body, url: `${config.baseUrl}/w/${n.slug}${n.link}`, baseUrl: config.baseUrl,
        });
        await queueEmail(tx, config, { workspaceId: n.workspace_id, userId: n.user_id, kind: 'notification', to: n.email, ...mail });
      }
      if (pending.rows.length > 0) {
        const ids = pending.rows.map((n) => n.id);
        await tx.execute(sql`update notifications set emailed_at = now() where id = any(${sql.param(ids)}::uuid[])`);
      }
      return { claimed: pending.rows.length, queued: pending.rows.filter((p) => p.member).length };
    });
    total += count.claimed;
    mailed += count.queued;
    if (count.claimed < BATCH || total >= MAX_PER_RUN) return mailed;
  }
}
