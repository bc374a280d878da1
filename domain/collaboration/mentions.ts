// Plain functions, no zod: the composer (web) and the server parse mentions the same way.

/** One mention as written in a comment: `@[Display Name](user:<uuid>)`. */
export interface Mention {
  userId: string;
  name: string;
}

/**
 * The mention token. The name is what the composer inserted (no brackets, no line breaks);
 * the id is a UUID. Anything else that looks similar is plain text.
 */
export const MENTION_PATTERN = /@\[([^\]\n\r]{1,200})\]\(user:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** The people mentioned in `body`, each once (first spelling wins), in order of first mention. */
export function parseMentions(body: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const m of body.matchAll(MENTION_PATTERN)) {
    const userId = m[2]!.toLowerCase();
    if (!seen.has(userId)) seen.set(userId, { userId, name: m[1]!.trim() });
  }
  return [...seen.values()];
}

/** The token the composer inserts for a person; brackets and line breaks in a name are dropped. */
export function mentionToken(userId: string, name: string): string {
  const clean = name.replace(/[[\]\n\r]/g, '').trim() || 'someone';
  return `@[${clean}](user:${userId})`;
}

/** Ids mentioned in `after` that were not mentioned in `before` (who an edit should notify). */
export function addedMentions(before: readonly string[], after: readonly string[]): string[] {
  const old = new Set(before.map((id) => id.toLowerCase()));
  return after.filter((id) => !old.has(id.toLowerCase()));
}

/** The body as plain text, with each mention shown as `@Name` (for notification texts and previews). */
export function mentionsAsText(body: string): string {
  return body.replace(MENTION_PATTERN, (_, name: string) => `@${name.trim()}`);
}

/**
 * The @-query being typed at `caret`: the text after an `@` that starts a word and runs up to
 * the caret without spaces beyond two words, or null when the caret is not in one.
 * Returns where the `@` is, so the composer can replace `@que` with a mention token.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/[\s(]/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.startsWith('[') || /[\n\r\]]/.test(query) || query.length > 40 || (query.match(/ /g)?.length ?? 0) > 1) return null;
  return { start: at, query };
}
