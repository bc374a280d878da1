import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';
import type { Database } from '../../platform/db/client';
import { notify } from '../notify';
import { runDigests } from './digest';
import { queueNotificationEmails } from './immediate';

let app: TestApp;
let database: Database;
let owner: Client;
let ws: { id: string; slug: string };
const config = { smtpUrl: 'smtp://127.0.0.1:9', baseUrl: ORIGIN };

beforeAll(async () => {
  ({ app, database } = await testApp());
  ({ owner, workspace: ws } = await setupOwner(app, { workspaceName: 'Notify <Co>' }));
});

const outboxFor = async (userId: string, kind: string) =>
  (await database.pool.query('select * from email_outbox where user_id = $1 and kind = $2 order by created_at', [userId, kind])).rows;

async function notifyMany(kind: 'comment.mention' | 'watch.comment', userId: string, n: number, title = (i: number) => `Note ${i}`) {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) => notify(tx, {
      workspaceId: ws.id, kind, recipients: [userId], actorUserId: owner.userId, title: title(i), body: `Body ${i}`, link: `/goals/g${i}`,
    }));
  }
}

describe('queueNotificationEmails', () => {
  it('mails each immediate notification exactly once, even with runs at the same time', async () => {
    const member = await addMember(app, owner, ws.slug, 'member', 'immediate');
    await notifyMany('comment.mention', member.userId, 25, (i) => (i === 0 ? 'Ann mentioned you in <b>“Goal & co”</b>' : `Note ${i}`));
    const counts = await Promise.all([queueNotificationEmails(database.db, config), queueNotificationEmails(database.db, config), queueNotificationEmails(database.db, config)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(25);
    const mails = await outboxFor(member.userId, 'notification');
    expect(mails).toHaveLength(25);
    expect(mails.every((m) => m.to_address === member.email && m.status === 'queued' && m.workspace_id === ws.id)).toBe(true);
    const first = mails.find((m) => m.subject.startsWith('Ann mentioned'))!;
    expect(first.subject).toBe('Ann mentioned you in <b>“Goal & co”</b>');
    expect(first.text).toContain(`${ORIGIN}/w/${ws.slug}/goals/g0`);
    expect(first.text).toContain(`${ORIGIN}/profile#notifications`);
    expect(first.html).toContain('&lt;b&gt;“Goal &amp; co”&lt;/b&gt;');
    expect(first.html).toContain('Notify &lt;Co&gt;');
    expect(first.html).not.toContain('<b>');
    expect(first.html).toContain(`href="${ORIGIN}/w/${ws.slug}/goals/g0"`);
    const left = await database.pool.query("select count(*)::int as n from notifications where user_id = $1 and emailed_at is null and email = 'immediate'", [member.userId]);
    expect(left.rows[0].n).toBe(0);
    expect(await queueNotificationEmails(database.db, config)).toBe(0);
  });

  it('leaves digest notifications to the digest', async () => {
    const member = await addMember(app, owner, ws.slug, 'member', 'digestonly');
    await notifyMany('watch.comment', member.userId, 2);
    expect(await queueNotificationEmails(database.db, config)).toBe(0);
    expect(await outboxFor(member.userId, 'notification')).toHaveLength(0);
  });
});

describe('runDigests', () => {
  it('sends one digest per person per local day from their hour on, even with runs at the same time', async () => {
    const member = await addMember(app, owner, ws.slug, 'member', 'digest');
    await notifyMany('watch.comment', member.userId, 3);
    // No digest_settings row: 08:00 UTC.
    expect(await runDigests(database.db, config, new Date('2030-01-15T07:59:00Z'))).toBe(0);
    const at9 = new Date('2030-01-15T09:00:00Z');
    const runs = await Promise.all([runDigests(database.db, config, at9), runDigests(database.db, config, at9), runDigests(database.db, config, at9)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const digests = await outboxFor(member.userId, 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Your Tandem digest for 2030-01-15: 3 notifications');
    expect(digests[0].text).toMatch(/Note 2[\s\S]*Note 1[\s\S]*Note 0/); // newest first
    expect(digests[0].text).toContain(`${ORIGIN}/w/${ws.slug}/goals/g1`);
    expect(digests[0].workspace_id).toBe(ws.id);
    const settings = await database.pool.query('select hour, time_zone, last_sent_on::text as d from digest_settings where user_id = $1', [member.userId]);
    expect(settings.rows[0]).toEqual({ hour: 8, time_zone: 'UTC', d: '2030-01-15' });

    // More later the same day wait for tomorrow.
    await notifyMany('watch.comment', member.userId, 1);
    expect(await runDigests(database.db, config, new Date('2030-01-15T20:00:00Z'))).toBe(0);
    expect(await runDigests(database.db, config, new Date('2030-01-16T08:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await outboxFor(member.userId, 'digest')).toHaveLength(2);
    // Nothing pending: no e-mail.
    expect(await runDigests(database.db, config, new Date('2030-01-17T08:00:00Z'))).toBe(0);
    expect(await outboxFor(member.userId, 'digest')).toHaveLength(2);
    expect(await outboxFor(owner.userId, 'digest')).toHaveLength(0);
  });

  it('shows the newest 50 and counts the rest', async () => {
    const member = await addMember(app, owner, ws.slug, 'member', 'busy');
    await notifyMany('watch.comment', member.userId, 53);
    expect(await runDigests(database.db, config, new Date('2030-02-01T12:00:00Z'))).toBeGreaterThanOrEqual(1);
    const [digest] = await outboxFor(member.userId, 'digest');
    expect(digest.subject).toContain('53 notifications');
    expect(digest.text).toContain('Note 52');
    expect(digest.text).not.toContain('Note 2\n');
    expect(digest.text).toContain('and 3 more');
    expect(digest.html).toContain('and 3 more');
    const left = await database.pool.query('select count(*)::int as n from notifications where user_id = $1 and emailed_at is null', [member.userId]);
    expect(left.rows[0].n).toBe(0);
  });

  it('follows the person’s hour and time zone', async () => {
    const member = await addMember(app, owner, ws.slug, 'member', 'auckland');
    expect((await member.request('PUT', '/api/v1/me/notification-preferences', { digest: { hour: 7, timeZone: 'Pacific/Auckland' } })).status).toBe(200);
    await notifyMany('watch.comment', member.userId, 1);
    // 2030-03-01T17:59Z is 06:59 on 2 March in Auckland (NZDT, +13); 18:00Z is 07:00.
    await runDigests(database.db, config, new Date('2030-03-01T17:59:00Z'));
    expect(await outboxFor(member.userId, 'digest')).toHaveLength(0);
    await runDigests(database.db, config, new Date('2030-03-01T18:00:00Z'));
    const digests = await outboxFor(member.userId, 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toContain('2030-03-02');
  });
});
