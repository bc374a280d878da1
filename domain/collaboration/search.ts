import { z } from 'zod';
import { Id, IncludeArchived } from '../common';

/**
 * Global search: the query contract, turning what people type into a safe prefix tsquery, and
 * turning PostgreSQL's highlighted text into HTML that can only hold <mark>.
 */

/** At most this many terms count; more words make a query slower, not better. */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 100;

/**
 * The search terms of `q`: NFKC-normalised, lower-cased runs of letters, digits and combining
 * marks, each once, in order. Every other character separates terms, so nothing in the input
 * (quotes, `&`, `|`, `!`, `:`, `(`, `\`, `*`) can reach tsquery syntax. PostgreSQL's parser
 * splits words at the same characters, so "e-mail" finds "e-mail" and "O'Brien" finds "O'Brien".
 */
export function searchTerms(q: string): string[] {
  const words = q.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u);
  const out: string[] = [];
  for (const w of words) {
    const term = w.slice(0, MAX_TERM_LENGTH);
    if (term && !out.includes(term)) out.push(term);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/**
 * A tsquery text for `to_tsquery('simple', …)`: every term as a quoted prefix, all required
 * (`'infra':* & 'plan':*`). With `weight` 'A' each term must match in the title.
 * Terms come from searchTerms: letters, digits and marks only, so the quoting cannot break.
 */
export function prefixTsquery(terms: readonly string[], weight = ''): string {
  return terms.map((t) => `'${t.replace(/[^\p{L}\p{N}\p{M}]/gu, '')}':*${weight}`).join(' & ');
}

/** What ts_headline puts around a match: private-use characters no one types (and removed from the text first). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Marked-up text from ts_headline as HTML: everything escaped, then each marked run in <mark>. */
export function highlightHtml(marked: string): string {
  return escapeHtml(marked)
    .replace(new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, 'g'), '<mark>$1</mark>')
    .replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_STOP}]`, 'g'), '');
}

/** One run of highlighted text: plain or marked. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e]!);

/**
 * The runs of a highlight as the API sends it (escaped text with <mark>…</mark>), for rendering
 * as text nodes: any other tag stays visible text, never markup.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const m of html.matchAll(/<mark>([^<]*)<\/mark>/g)) {
    if (m.index > at) parts.push({ text: unescapeHtml(html.slice(at, m.index)), mark: false });
    if (m[1]) parts.push({ text: unescapeHtml(m[1]), mark: true });
    at = m.index + m[0].length;
  }
  if (at < html.length) parts.push({ text: unescapeHtml(html.slice(at)), mark: false });
  return parts;
}

/** An entity type name as areas register them (goal, business_unit, …). */
const TypeName = z.string().regex(/^[a-z][a-z_]{0,39}$/, 'must be entity type names separated by commas');

/** `GET …/search` query string. */
export const SearchQuery = z.object({
  q: z
    .string()
    .max(200)
    .refine((q) => searchTerms(q).length > 0, 'must contain a letter or digit'),
  /** Comma-separated entity types; all the caller may see when absent. */
  types: z
    .string()
    .max(500)
    .optional()
    .transform((v) => (v ? [...new Set(v.split(',').map((t) => t.trim()).filter(Boolean))] : undefined))
    .pipe(z.array(TypeName).optional()),
  includeArchived: IncludeArchived,
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  entityType: z.string(),
  entityId: Id,
  title: z.string(),
  /** The title as HTML: escaped, with the matched words in <mark>. */
  titleHighlight: z.string(),
  /** The best passages of the body as HTML, like titleHighlight ('' when there is no body). */
  snippet: z.string(),
  /** The app path below /w/<workspace>. */
  link: z.string(),
  archived: z.boolean(),
  rank: z.number(),
});
export type TSearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ items: z.array(SearchHit) });
export type TSearchResult = z.infer<typeof SearchResult>;

/** An entity type as people read it: business_unit → "business unit". */
export function entityTypeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}
