import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { freshDatabase, ORIGIN, setupOwner, testApp, type Client, type TestApp } from '../../test/harness';
import { type Config, loadConfig } from '../config';
import type { Database } from '../db/client';
import { startFakeSmtp, unreachableSmtpUrl } from '../../test/fake-smtp';
import { sendDueEmails } from '../../collaboration/email/send';

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
    expect((await outboxOf(database, 'guest@example.com'))[0]).toMatchObject({ status: 'sent', attempts: 1 });

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
