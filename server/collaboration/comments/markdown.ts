import MarkdownIt, { type StateInline } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const MENTION_AT = /^@\[([^\]\n\r]{1,200})\]\(user:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/;

/** markdown-it inline rule: `@[Name](user:<id>)` becomes a mention token (before links see it). */
function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const m = MENTION_AT.exec(state.src.slice(state.pos));
  if (!m) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.content = m[1]!.trim();
    token.meta = { userId: m[2]!.toLowerCase() };
  }
  state.pos += m[0].length;
  return true;
}

// Raw HTML off: whatever a comment holds is text or markdown. Images are off too: a comment
// should not make every reader's browser fetch a stranger's URL.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image']);
md.inline.ruler.before('link', 'mention', mentionRule);
md.renderer.rules.mention = (tokens, idx) => {
  const t = tokens[idx]!;
  const userId = (t.meta as { userId: string }).userId;
  return `<span class="mention" data-user-id="${md.utils.escapeHtml(userId)}">@${md.utils.escapeHtml(t.content)}</span>`;
};

/**
 * The allow-list: markdown's own output and nothing else. Even with raw HTML off, the sanitiser
 * is the last word, so a renderer bug or plugin cannot let script through.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    span: ['class', 'data-user-id'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: { span: ['mention'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Only absolute http(s) and mailto links: a relative or percent-encoded "scheme" loses its href.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const safe = href !== undefined && /^(https?:\/\/|mailto:)/i.test(href.trim());
      return { tagName, attribs: { ...(safe ? { href } : {}), ...rest, rel: 'noopener noreferrer nofollow', target: '_blank' } };
    },
  },
};

/** Sanitises HTML with the comment allow-list. */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Markdown (with mentions) to the safe HTML stored in comments.body_html. */
export function renderComment(markdown: string): string {
  return sanitizeCommentHtml(md.render(markdown)).trim();
}

/**
 * A comment as plain text on one line: what a reader sees, without the markdown (`**a**` is
 * `a`, a link is its text, code is its content), each mention as `@Name`.
 */
export function commentText(markdown: string): string {
  const parts: string[] = [];
  for (const t of md.parse(markdown, {})) {
    if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') parts.push(c.content);
        else if (c.type === 'mention') parts.push(`@${c.content}`);
        else if (c.type === 'softbreak' || c.type === 'hardbreak') parts.push(' ');
      }
    } else if (t.type === 'fence' || t.type === 'code_block') {
      parts.push(` ${t.content} `);
    } else if (t.nesting === -1 || t.type === 'hr') {
      // The end of a paragraph, list item, cell…: a space between it and what follows.
      parts.push(' ');
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** How long a notification's preview of a comment may be, in characters. */
export const PREVIEW_LENGTH = 140;

/** The start of a comment's plain text (see commentText), cut at a word with "…" when longer than `max`. */
export function commentPreview(markdown: string, max = PREVIEW_LENGTH): string {
  const text = commentText(markdown);
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  // Cut inside a word: back off to its start, unless that leaves too little.
  const space = chars[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space >= (max * 2) / 3 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
