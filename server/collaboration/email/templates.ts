import MarkdownIt from 'markdown-it';

// markdown-it (already used for comments) ships the HTML escaping we need: & < > ".
// Attributes below are always double-quoted, so these four are enough.
const { escapeHtml } = new MarkdownIt().utils;

/** An e-mail as put in the outbox: a subject, a plain-text body and its HTML alternative. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';

/** The shared frame of every Tandem e-mail; `inner` is already-escaped HTML. */
function layout(inner: string, footer: string): string {
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f7f9;${FONT};color:#1f2328">`
    + `<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #d8dde3;border-radius:8px;padding:24px">${inner}</div>`
    + `<p style="max-width:600px;margin:12px auto 0;font-size:12px;color:#59636e">${footer}</p></body></html>`;
}

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#0b57d0">${escapeHtml(label)}</a>`;
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

/** An invitation to join a workspace. */
export function invitationEmail(i: { inviter: string; workspaceName: string; role: string; url: string; expiresOn: string }): RenderedEmail {
  const subject = `${i.inviter} invited you to ${i.workspaceName} on Tandem`;
  return {
    subject,
    text: `${i.inviter} invited you to join the workspace "${i.workspaceName}" on Tandem as ${i.role}.\n\n`
      + `Accept the invitation here:\n${i.url}\n\nThe link works until ${i.expiresOn}.\n`,
    html: layout(
      `<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(subject)}</h1>`
        + `<p style="margin:0 0 12px">${escapeHtml(i.inviter)} invited you to join the workspace “${escapeHtml(i.workspaceName)}” on Tandem as ${escapeHtml(i.role)}.</p>`
        + `<p style="margin:0 0 12px">${link(i.url, 'Accept the invitation')}</p>`
        + `<p style="margin:0;font-size:13px;color:#59636e">The link works until ${escapeHtml(i.expiresOn)}. If the button does not work, paste this address into your browser: ${escapeHtml(i.url)}</p>`,
      'You receive this because someone invited this address to Tandem. If you did not expect it, ignore this e-mail.',
    ),
  };
}
