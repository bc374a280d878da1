import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtp, unreachableSmtpUrl } from '../../test/fake-smtp';
import { sendMail, senderAddress } from './send';

describe('sendMail', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
  });
  afterAll(() => smtp.close());

  it('delivers a plain-text message through the SMTP URL', async () => {
    await sendMail({ smtpUrl: smtp.url, baseUrl: 'https://tandem.example.org' }, { to: 'ann@example.com', subject: 'Hello', text: 'Line one\n.\nLine three' });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('no-reply@tandem.example.org');
    expect(mail!.to).toEqual(['ann@example.com']);
    expect(mail!.data).toContain('Subject: Hello');
    expect(mail!.data).toContain('Line one\n.\nLine three');
  });

  it('rejects when the server cannot be reached', async () => {
    await expect(sendMail({ smtpUrl: await unreachableSmtpUrl(), baseUrl: 'http://localhost:3000' }, { to: 'a@example.com', subject: 's', text: 't' }))
      .rejects.toThrow();
  });

  it('rejects when no SMTP server is configured', async () => {
    await expect(sendMail({ smtpUrl: null, baseUrl: 'http://localhost:3000' }, { to: 'a@example.com', subject: 's', text: 't' }))
      .rejects.toThrow('No SMTP server is configured (SMTP_URL).');
  });

  it('sends from no-reply at the app’s host', () => {
    expect(senderAddress({ baseUrl: 'https://align.example.com:8443/tandem' })).toBe('Tandem <no-reply@align.example.com>');
  });
});
