import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The sender address: no-reply at the app's host name. */
export function senderAddress(config: Pick<Config, 'baseUrl'>): string {
  return `Tandem <no-reply@${new URL(config.baseUrl).hostname}>`;
}

/**
 * Sends one plain-text e-mail through config.smtpUrl. Rejects when no SMTP server is
 * configured or the server refuses; callers decide whether that fails their request.
 */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'baseUrl'>, message: MailMessage): Promise<void> {
  if (!config.smtpUrl) throw new Error('No SMTP server is configured (SMTP_URL).');
  // Short timeouts: a slow mail server must not hold a request for minutes.
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await transport.sendMail({ from: senderAddress(config), to: message.to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}
