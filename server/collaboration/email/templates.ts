import { emailLayout as layout, emailLink as link, escapeHtml, type RenderedEmail } from '../../platform/mail/layout';

// The e-mails of notifications: one at once, or the daily digest. (The invitation e-mail is the
// platform's: server/platform/invitations/email.ts.)

export type { RenderedEmail };

const paragraphs = (text: string) =>
  text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => `<p style="margin:0 0 12px;white-space:pre-wrap">${escapeHtml(p)}</p>`).join('');

/** Where a person changes what they receive by e-mail. */
export const preferencesUrl = (baseUrl: string) => `${baseUrl}/profile#notifications`;

function preferencesFooter(baseUrl: string) {
  return {
    text: `\n--\nYou receive this because of your notification settings in Tandem. Change them here:\n${preferencesUrl(baseUrl)}\n`,
    html: `You receive this because of your notification settings in Tandem. ${link(preferencesUrl(baseUrl), 'Change your notification settings')}.`,
  };
}

/** One notification, sent at once. */
export function notificationEmail(n: { workspaceName: string; title: string; body: string; url: string; baseUrl: string }): RenderedEmail {
  const footer = preferencesFooter(n.baseUrl);
  const body = n.body.trim();
  return {
    subject: n.title,
    text: `${n.title}\n${body ? `\n${body}\n` : ''}\nOpen in Tandem (${n.workspaceName}):\n${n.url}\n${footer.text}`,
    html: layout(
      `<p style="margin:0 0 4px;font-size:12px;color:#59636e">${escapeHtml(n.workspaceName)}</p>`
        + `<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(n.title)}</h1>${paragraphs(body)}`
        + `<p style="margin:16px 0 0">${link(n.url, 'Open in Tandem')}</p>`,
      footer.html,
    ),
  };
}

export interface DigestGroup {
  workspaceName: string;
  /** The workspace's notifications page. */
  allUrl: string;
  items: { title: string; body: string; url: string; at: Date }[];
}

const time = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** The daily digest: the shown notifications grouped by workspace, and how many more wait in the app. */
export function digestEmail(d: { date: string; total: number; groups: DigestGroup[]; more: number; baseUrl: string }): RenderedEmail {
  const footer = preferencesFooter(d.baseUrl);
  const subject = `Your Tandem digest for ${d.date}: ${d.total} ${d.total === 1 ? 'notification' : 'notifications'}`;
  const moreText = d.more > 0 ? `\n…and ${d.more} more. See them all in Tandem's notifications.\n` : '';
  const text = `${subject}\n`
    + d.groups.map((g) => `\n${g.workspaceName}\n${'='.repeat(Math.min(g.workspaceName.length, 60))}\n`
      + g.items.map((i) => `- ${i.title}${i.body.trim() ? `\n  ${i.body.trim().replace(/\n/g, '\n  ')}` : ''}\n  ${i.url}`).join('\n')
      + `\nAll notifications: ${g.allUrl}\n`).join('')
    + moreText + footer.text;
  const html = layout(
    `<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(subject)}</h1>`
      + d.groups.map((g) => `<h2 style="margin:20px 0 8px;font-size:15px">${escapeHtml(g.workspaceName)}</h2><ul style="margin:0;padding-left:20px">`
        + g.items.map((i) => `<li style="margin:0 0 10px">${link(i.url, i.title)}`
          + `${i.body.trim() ? `<div style="color:#3d444d;white-space:pre-wrap">${escapeHtml(i.body.trim())}</div>` : ''}`
          + `<div style="font-size:12px;color:#59636e">${escapeHtml(time(i.at))}</div></li>`).join('')
        + `</ul><p style="margin:4px 0 0;font-size:13px">${link(g.allUrl, `All notifications in ${g.workspaceName}`)}</p>`).join('')
      + (d.more > 0 ? `<p style="margin:16px 0 0">…and ${d.more} more. See them all in Tandem's notifications.</p>` : ''),
    footer.html,
  );
  return { subject, text, html };
}
