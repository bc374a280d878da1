import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of the text, when there is one. */
  html?: string;
}

/** The sender address: no-reply at the app's host name. */
export function senderAddress(config: Pick<Config, 'baseUrl'>): string {
  return `Tandem <no-reply@${new URL(config.baseUrl).hostname}>`;
}

/** One SMTP connection setup for several messages; close it when done. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer on config.smtpUrl. Throws when no SMTP server is configured; each send rejects
 * when the server cannot be reached or refuses, and callers decide what that means.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'baseUrl'>): Mailer {
  if (!config.smtpUrl) throw new Error('No SMTP server is configured (SMTP_URL).');
  // Short timeouts: a slow mail server must not hold a request or a worker for minutes.
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  const from = senderAddress(config);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) });
    },
    close: () => transport.close(),
  };
}

/** Sends one e-mail through config.smtpUrl (see createMailer). */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'baseUrl'>, message: MailMessage): Promise<void> {
  const mailer = createMailer(config);
  try {
    await mailer.send(message);
  } finally {
    mailer.close();
  }
}
