import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { freshDatabase, ORIGIN, setupOwner, type Client, type TestApp } from '../../test/harness';
import { loadConfig } from '../config';
import { startFakeSmtp, unreachableSmtpUrl } from '../../test/fake-smtp';

/** The API on a fresh database with SMTP_URL set. */
async function appWithSmtp(smtpUrl: string): Promise<TestApp> {
  const { url, database } = await freshDatabase();
  const config = { ...loadConfig({ DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' }), databaseUrl: url, baseUrl: ORIGIN, smtpUrl };
  const app = await buildApp({ config, database, state: { shuttingDown: false } }, { logger: false, serveWeb: false });
  await app.ready();
  afterAll(() => app.close());
  return app;
}

describe('invitation e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let app: TestApp;
  let owner: Client;
  let slug: string;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    app = await appWithSmtp(smtp.url);
    const s = await setupOwner(app, { workspaceName: 'Mail Co' });
    owner = s.owner;
    slug = s.workspace.slug;
  });
  afterAll(() => smtp.close());

  it('sends the link to the invited address and notes it was sent', async () => {
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(true);
    const mail = smtp.received.find((m) => m.to.includes('guest@example.com'));
    expect(mail).toBeDefined();
    expect(mail!.data).toContain('Subject: Olivia Owner invited you to Mail Co on Tandem');
    // quoted-printable may fold long lines: compare without soft line breaks.
    expect(mail!.data.replace(/=\n/g, '')).toContain(res.json.url);
    const listed = (await owner.request('GET', `/api/v1/workspaces/${slug}/invitations`)).json.items[0];
    expect(listed).toMatchObject({ id: res.json.id, emailSent: true });
    const audit = (await owner.request('GET', `/api/v1/workspaces/${slug}/audit-log?entityId=${res.json.id}`)).json.items;
    expect(audit.map((e: any) => e.action)).toEqual(['invitation.email_sent', 'invitation.create']);
    expect(audit[0]).toMatchObject({ before: { emailSent: false }, after: { emailSent: true } });
  });

  it('sends nothing for a link-only invitation', async () => {
    const before = smtp.received.length;
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { role: 'member' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(false);
    expect(smtp.received).toHaveLength(before);
  });
});

describe('invitation e-mail when the mail server is down', () => {
  let app: TestApp;
  let owner: Client;
  let slug: string;

  beforeAll(async () => {
    app = await appWithSmtp(await unreachableSmtpUrl());
    const s = await setupOwner(app, { workspaceName: 'Down Co' });
    owner = s.owner;
    slug = s.workspace.slug;
  });

  it('still creates the invitation, with emailSent false', async () => {
    const res = await owner.request('POST', `/api/v1/workspaces/${slug}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json.emailSent).toBe(false);
    expect(res.json.url).toContain('/invite/');
    const token = String(res.json.url).split('/').pop();
    expect((await app.inject({ url: `/api/v1/invitations/${token}` })).statusCode).toBe(200);
  });
});
