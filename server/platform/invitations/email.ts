import { emailLayout, emailLink, escapeHtml, type RenderedEmail } from '../mail/layout';

/** The link that accepts an invitation: it carries the secret token. */
export const invitationUrl = (baseUrl: string, token: string) => `${baseUrl}/invite/${token}`;

/** An invitation to join a workspace. */
export function invitationEmail(i: { inviter: string; workspaceName: string; role: string; url: string; expiresOn: string }): RenderedEmail {
  const subject = `${i.inviter} invited you to ${i.workspaceName} on Tandem`;
  return {
    subject,
    text: `${i.inviter} invited you to join the workspace "${i.workspaceName}" on Tandem as ${i.role}.\n\n`
      + `Accept the invitation here:\n${i.url}\n\nThe link works until ${i.expiresOn}.\n`,
    html: emailLayout(
      `<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(subject)}</h1>`
        + `<p style="margin:0 0 12px">${escapeHtml(i.inviter)} invited you to join the workspace “${escapeHtml(i.workspaceName)}” on Tandem as ${escapeHtml(i.role)}.</p>`
        + `<p style="margin:0 0 12px">${emailLink(i.url, 'Accept the invitation')}</p>`
        + `<p style="margin:0;font-size:13px;color:#59636e">The link works until ${escapeHtml(i.expiresOn)}. If the button does not work, paste this address into your browser: ${escapeHtml(i.url)}</p>`,
      'You receive this because someone invited this address to Tandem. If you did not expect it, ignore this e-mail.',
    ),
  };
}
