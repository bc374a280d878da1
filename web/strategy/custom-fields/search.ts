// Custom field filters in the address, parsed without zod so the router stays light.

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FILTERS = 10;

/** Chosen options by custom field id (choice fields; a multiple choice field matches items having the option). */
export type FieldSearch = Record<string, string>;

/** Reads `fields` from the address; anything malformed is dropped, an empty set is undefined. */
export function fieldSearch(v: unknown): FieldSearch | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: FieldSearch = {};
  for (const [id, value] of Object.entries(v as Record<string, unknown>).slice(0, MAX_FILTERS)) {
    if (ID.test(id) && typeof value === 'string' && value && value.length <= 100) out[id] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `path` with one `<param>=<fieldId>:<value>` per filter appended (the API's custom field filter form). */
export function withFieldFilters(path: string, param: string, fields: FieldSearch | undefined): string {
  const parts = Object.entries(fields ?? {}).map(([id, value]) => `${param}=${encodeURIComponent(`${id}:${value}`)}`);
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}
