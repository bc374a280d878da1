import MarkdownIt from 'markdown-it';

// The frame and helpers every Tandem e-mail is rendered with.

// markdown-it (already used for comments) ships the HTML escaping we need: & < > ".
// Attributes below are always double-quoted, so these four are enough.
export const { escapeHtml } = new MarkdownIt().utils;

/** An e-mail as put in the outbox: a subject, a plain-text body and its HTML alternative. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';

/** The shared frame of every Tandem e-mail; `inner` and `footer` are already-escaped HTML. */
export function emailLayout(inner: string, footer: string): string {
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f7f9;${FONT};color:#1f2328">`
    + `<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #d8dde3;border-radius:8px;padding:24px">${inner}</div>`
    + `<p style="max-width:600px;margin:12px auto 0;font-size:12px;color:#59636e">${footer}</p></body></html>`;
}

/** A link in an e-mail's HTML (both escaped here). */
export const emailLink = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#0b57d0">${escapeHtml(label)}</a>`;
