import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtp, unreachableSmtpUrl } from '../../test/fake-smtp';
import { ORIGIN, setupOwner, testApp } from '../../test/harness';
import type { Database } from '../db/client';
import { hideInvitationLinks, invitationTokenIn, queueEmail } from './outbox';
import { sendDueEmails } from './send-due';

let database: Database;
let wsId: string;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;

beforeAll(async () => {
  let app;
  ({ app, database } = await testApp());
  wsId = (await setupOwner(app, { workspaceName: 'Outbox Co' })).workspace.id;
  smtp = await startFakeSmtp();
});
afterAll(() => smtp.close());

const mail = (to: string) => ({ workspaceId: wsId, userId: null, kind: 'notification' as const, to, subject: `Hello ${to}`, text: 'Plain text', html: '<p>Rich</p>' });
const rowOf = async (id: string) => (await database.pool.query('select * from email_outbox where id = $1', [id])).rows[0];
/** Makes every waiting e-mail due now, as if its backoff had passed. */
const makeDue = () => database.db.execute(sql`update email_outbox set next_attempt_at = now() where status = 'queued'`);
/** Leaves only the given rows queued, so each test sees its own. */
const onlyQueued = (ids: string[]) => database.db.execute(sql`update email_outbox set status = 'sent' where status = 'queued' and not (id = any(${sql.param(ids)}::uuid[]))`);

describe('invitation links', () => {
  const text = 'Accept here:\nhttps://tandem.example.org/invite/Ab-9_xYz\nor <a href="https://tandem.example.org/invite/Q_w-1">this</a>.';

  it('hides every token and finds the first', () => {
    expect(hideInvitationLinks(text)).toBe('Accept here:\nhttps://tandem.example.org/invite/…\nor <a href="https://tandem.example.org/invite/…">this</a>.');
    expect(invitationTokenIn(text)).toBe('Ab-9_xYz');
    expect(invitationTokenIn(hideInvitationLinks(text))).toBeNull();
  });
});

describe('queueEmail', () => {
  it('queues when SMTP is configured, keeps it unsent otherwise', async () => {
    const queued = await queueEmail(database.db, { smtpUrl: smtp.url }, mail('a@example.com'));
    const unsent = await queueEmail(database.db, { smtpUrl: null }, mail('b@example.com'));
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, toAddress: 'a@example.com', html: '<p>Rich</p>' });
    expect(unsent).toMatchObject({ status: 'unsent', attempts: 0 });
    await onlyQueued([]);
  });
});

describe('sendDueEmails', () => {
  it('sends due e-mails with text and HTML and marks them sent', async () => {
    const e = await queueEmail(database.db, { smtpUrl: smtp.url }, mail('ann@example.com'));
    const unsent = await queueEmail(database.db, { smtpUrl: null }, mail('unsent@example.com'));
    const before = smtp.received.length;
    expect(await sendDueEmails(database.db, { smtpUrl: smtp.url, baseUrl: ORIGIN })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const got = smtp.received.slice(before);
    expect(got.map((m) => m.to)).toEqual([['ann@example.com']]);
    expect(got[0]!.data).toContain('Subject: Hello ann@example.com');
    expect(got[0]!.data).toContain('Plain text');
    expect(got[0]!.data).toContain('<p>Rich</p>');
    expect(await rowOf(e.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect((await rowOf(e.id)).sent_at).toBeInstanceOf(Date);
    // An unsent e-mail is not sent automatically when SMTP appears later.
    expect(await rowOf(unsent.id)).toMatchObject({ status: 'unsent', attempts: 0 });
  });

  it('sends each e-mail once when several runs go at the same time', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await queueEmail(database.db, { smtpUrl: smtp.url }, mail(`many${i}@example.com`))).id);
    const before = smtp.received.length;
    const config = { smtpUrl: smtp.url, baseUrl: ORIGIN };
    const runs = await Promise.all([sendDueEmails(database.db, config), sendDueEmails(database.db, config), sendDueEmails(database.db, config)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const to = smtp.received.slice(before).map((m) => m.to[0]);
    expect(new Set(to).size).toBe(12);
    expect(to).toHaveLength(12);
  });

  it('retries a refused send after 1 min, 5 min, 30 min and 2 h, then marks it failed with the error', async () => {
    const config = { smtpUrl: await unreachableSmtpUrl(), baseUrl: ORIGIN };
    const e = await queueEmail(database.db, config, mail('down@example.com'));
    await onlyQueued([e.id]);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 0, retried: 1 });
      const row = await rowOf(e.id);
      expect(row).toMatchObject({ status: 'queued', attempts: attempt });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      waits.push(Math.round((row.next_attempt_at.getTime() - Date.now()) / 60_000));
      // Not due yet: a run now leaves it alone.
      expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 0, retried: 0 });
      await makeDue();
    }
    expect(waits).toEqual([1, 5, 30, 120]);
    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 1, retried: 0 });
    const row = await rowOf(e.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(row.last_error).toBeTruthy();
  });

  it('blanks the link out of an invitation e-mail once it is sent or has failed for good, and only then', async () => {
    const invitation = (to: string) => ({
      ...mail(to), kind: 'invitation' as const, text: 'Join: https://t.example/invite/SECRET_tok-1\n', html: '<a href="https://t.example/invite/SECRET_tok-1">Join</a>',
    });
    const sent = await queueEmail(database.db, { smtpUrl: smtp.url }, invitation('invited@example.com'));
    const notification = await queueEmail(database.db, { smtpUrl: smtp.url }, { ...mail('note@example.com'), text: 'See /invite/KEEP' });
    await onlyQueued([sent.id, notification.id]);
    const before = smtp.received.length;
    expect(await sendDueEmails(database.db, { smtpUrl: smtp.url, baseUrl: ORIGIN })).toEqual({ sent: 2, failed: 0, retried: 0 });
    // The recipient got the link; the outbox keeps none.
    expect(smtp.received.slice(before).find((m) => m.to[0] === 'invited@example.com')!.data).toContain('/invite/SECRET_tok-1');
    expect(await rowOf(sent.id)).toMatchObject({ status: 'sent', text: 'Join: https://t.example/invite/…\n', html: '<a href="https://t.example/invite/…">Join</a>' });
    // Other kinds of e-mail are stored as sent.
    expect(await rowOf(notification.id)).toMatchObject({ status: 'sent', text: 'See /invite/KEEP' });

    const config = { smtpUrl: await unreachableSmtpUrl(), baseUrl: ORIGIN };
    const failing = await queueEmail(database.db, config, invitation('unreachable@example.com'));
    await onlyQueued([failing.id]);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 0, retried: 1 });
      // Still to be retried: the link stays.
      expect((await rowOf(failing.id)).text).toContain('SECRET_tok-1');
      await makeDue();
    }
    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await rowOf(failing.id)).toMatchObject({ status: 'failed', text: 'Join: https://t.example/invite/…\n', html: '<a href="https://t.example/invite/…">Join</a>' });

    // A sender that died during the last attempt: given up on, and blanked, in the same UPDATE.
    const abandoned = await queueEmail(database.db, config, invitation('abandoned@example.com'));
    await onlyQueued([abandoned.id]);
    await database.db.execute(sql`update email_outbox set attempts = 5, next_attempt_at = now() where id = ${abandoned.id}`);
    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await rowOf(abandoned.id)).toMatchObject({ status: 'failed', text: 'Join: https://t.example/invite/…\n' });
  });

  it('without SMTP, turns queued e-mails into unsent ones instead of dropping them', async () => {
    const e = await queueEmail(database.db, { smtpUrl: smtp.url }, mail('later@example.com'));
    expect(await sendDueEmails(database.db, { smtpUrl: null, baseUrl: ORIGIN })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await rowOf(e.id)).toMatchObject({ status: 'unsent' });
  });
});
