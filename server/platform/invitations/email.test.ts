import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { addMember, freshDatabase, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';
import { type Config, loadConfig } from '../config';
import type { Database } from '../db/client';
import { startFakeSmtp, unreachableSmtpUrl } from '../../test/fake-smtp';
import { sendDueEmails } from '../mail/send-due';

/** The API on a fresh database with SMTP_URL set. */
async function appWithSmtp(smtpUrl: string): Promise<{ app: TestApp; database: Database; config: Config }> {
  const { url, database } = await freshDatabase();
  const config = { ...loadConfig({ DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' }), databaseUrl: url, baseUrl: ORIGIN, smtpUrl };
  const app = await buildApp({ config, database, state: { shuttingDown: false } }, { logger: false, serveWeb: false });
  await app.ready();
  afterAll(() => app.close());
  return { app, database, config };
}

const outboxOf = async (database: Database, invitationEmail: string) =>
  (await database.pool.query('select * from email_outbox where to_address = $1 order by created_at', [invitationEmail])).rows;

describe('invitation e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let app: TestApp;
  let database: Database;
  let config: Config;
  let owner: Client;
  let slug: string;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    ({ app, database, config } = await appWithSmtp(smtp.url));
    const s = await setupOwner(app, { workspaceName: 'Mail Co' });
    owner = s.owner;
    slug = s.workspace.slug;
  });
  afterAll(() => smtp.close());

  it('queues the link for the invited address, notes it, and the outbox sends it', async () => {
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(true);
    const [queued] = await outboxOf(database, 'guest@example.com');
    expect(queued).toMatchObject({ kind: 'invitation', status: 'queued', subject: 'Olivia Owner invited you to Mail Co on Tandem' });
    expect(queued.text).toContain(res.json.url);

    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 1, failed: 0, retried: 0 });
    const mail = smtp.received.find((m) => m.to.includes('guest@example.com'));
    expect(mail).toBeDefined();
    expect(mail!.data).toContain('Subject: Olivia Owner invited you to Mail Co on Tandem');
    // quoted-printable may fold long lines: compare without soft line breaks.
    expect(mail!.data.replace(/=\n/g, '')).toContain(res.json.url);
    expect(mail!.data).toContain('Content-Type: text/html');
    const sent = (await outboxOf(database, 'guest@example.com'))[0];
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    // Sent: the outbox keeps no usable link.
    const token = String(res.json.url).split('/').pop()!;
    expect(sent.text).not.toContain(token);
    expect(sent.html).not.toContain(token);
    expect(sent.text).toContain('/invite/…');

    const listed = (await owner.request('GET', `/api/v1/workspaces/${slug}/invitations`)).json.items[0];
    expect(listed).toMatchObject({ id: res.json.id, emailSent: true });
    const audit = (await owner.request('GET', `/api/v1/workspaces/${slug}/audit-log?entityId=${res.json.id}`)).json.items;
    expect(audit.map((e: any) => e.action)).toEqual(['invitation.email_queued', 'invitation.create']);
    expect(audit[0]).toMatchObject({ before: { emailSent: false }, after: { emailSent: true, emailId: queued.id } });
  });

  it('sends nothing for a link-only invitation', async () => {
    const before = smtp.received.length;
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { role: 'member' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(false);
    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(before);
  });
});

describe('invitation links in the outbox', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let database: Database;
  let config: Config;
  let owner: Client;
  let admin: Client;
  let base: string;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    let app;
    ({ app, database, config } = await appWithSmtp(smtp.url));
    const s = await setupOwner(app, { workspaceName: 'Link Co' });
    owner = s.owner;
    base = `/api/v1/workspaces/${s.workspace.slug}`;
    admin = await addMember(app, owner, s.workspace.slug, 'admin');
  });
  afterAll(() => smtp.close());

  /** Invites `to` as `role` (by the owner); its e-mail is made unsent, as if SMTP had been missing. */
  async function unsentInvitation(to: string, role: string) {
    const res = await owner.request('POST', `${base}/invitations`, { email: to, role });
    expect(res.status).toBe(201);
    await database.pool.query("update email_outbox set status = 'unsent' where to_address = $1", [to]);
    const [row] = await outboxOf(database, to);
    return { url: String(res.json.url), token: String(res.json.url).split('/').pop()!, emailId: row.id as string };
  }

  it('never shows the link, not even to admins', async () => {
    const { token, emailId } = await unsentInvitation('boss@example.com', 'owner');
    const detail = await admin.request('GET', `${base}/outbox/${emailId}`);
    expect(detail.status).toBe(200);
    expect(detail.json.text).toContain('/invite/…');
    expect(JSON.stringify(detail.json)).not.toContain(token);
    const list = await admin.request('GET', `${base}/outbox`);
    expect(JSON.stringify(list.json)).not.toContain(token);
    // Stored as it will be sent: an unsent e-mail keeps its link until it goes out.
    expect((await outboxOf(database, 'boss@example.com'))[0].text).toContain(token);
  });

  it('lets only an owner send an owner invitation again; an admin may send what an admin may invite', async () => {
    const boss = await unsentInvitation('boss2@example.com', 'owner');
    const refused = await admin.request('POST', `${base}/outbox/${boss.emailId}/send`, {});
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain('Only an owner can invite an owner');
    expect((await outboxOf(database, 'boss2@example.com'))[0]).toMatchObject({ status: 'unsent' });
    const byOwner = await owner.request('POST', `${base}/outbox/${boss.emailId}/send`, {});
    expect(byOwner.status).toBe(200);
    expect(byOwner.json).toMatchObject({ status: 'queued' });
    expect(byOwner.json.text).not.toContain(boss.token);

    const guest = await unsentInvitation('guest2@example.com', 'member');
    const byAdmin = await admin.request('POST', `${base}/outbox/${guest.emailId}/send`, {});
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.json).toMatchObject({ status: 'queued' });

    // The e-mail sent again carries the working link; afterwards the outbox holds it no more.
    const before = smtp.received.length;
    expect(await sendDueEmails(database.db, config)).toMatchObject({ sent: 2 });
    const got = smtp.received.slice(before).map((m) => m.data.replace(/=\n/g, '')).join('\n');
    expect(got).toContain(boss.url);
    expect(got).toContain(guest.url);
    for (const to of ['boss2@example.com', 'guest2@example.com']) {
      expect((await outboxOf(database, to))[0]).toMatchObject({ status: 'sent' });
    }
    expect((await outboxOf(database, 'boss2@example.com'))[0].text).not.toContain(boss.token);
  });

  it('refuses to send again an invitation e-mail whose link was blanked, or whose invitation is closed', async () => {
    const gone = await unsentInvitation('gone@example.com', 'viewer');
    // Failed for good: the link is blanked in the same UPDATE (see sendDueEmails); here as that UPDATE leaves it.
    await database.pool.query(
      "update email_outbox set status = 'failed', text = regexp_replace(text, '/invite/[A-Za-z0-9_-]+', '/invite/…', 'g') where id = $1", [gone.emailId],
    );
    const blanked = await owner.request('POST', `${base}/outbox/${gone.emailId}/send`, {});
    expect(blanked.status).toBe(409);
    expect(blanked.json.detail).toContain('no longer holds its link');

    const revoked = await unsentInvitation('revoked@example.com', 'viewer');
    const [inv] = (await owner.request('GET', `${base}/invitations`)).json.items.filter((i: any) => i.email === 'revoked@example.com');
    expect((await owner.request('DELETE', `${base}/invitations/${inv.id}`)).status).toBe(204);
    const res = await owner.request('POST', `${base}/outbox/${revoked.emailId}/send`, {});
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('revoked');
  });
});

describe('invitation e-mail when the mail server is down', () => {
  let app: TestApp;
  let database: Database;
  let config: Config;
  let owner: Client;
  let slug: string;

  beforeAll(async () => {
    ({ app, database, config } = await appWithSmtp(await unreachableSmtpUrl()));
    const s = await setupOwner(app, { workspaceName: 'Down Co' });
    owner = s.owner;
    slug = s.workspace.slug;
  });

  it('still creates the invitation; the e-mail waits in the outbox for a retry', async () => {
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json.url).toContain('/invite/');
    const token = String(res.json.url).split('/').pop();
    expect((await app.inject({ url: `/api/v1/invitations/${token}` })).statusCode).toBe(200);
    expect(await sendDueEmails(database.db, config)).toEqual({ sent: 0, failed: 0, retried: 1 });
    const [row] = await outboxOf(database, 'guest@example.com');
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toBeTruthy();
  });
});

describe('invitation e-mail without SMTP', () => {
  it('keeps the e-mail unsent in the outbox and says it was not sent', async () => {
    const { app, database } = await testApp();
    const { owner, workspace } = await setupOwner(app, { workspaceName: 'No Mail Co' });
    const res = await owner.request('POST', `/api/v1/workspaces/${workspace.slug}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(false);
    expect(await outboxOf(database, 'guest@example.com')).toMatchObject([{ kind: 'invitation', status: 'unsent', workspace_id: workspace.id }]);
  });
});
