import type { Queryable } from './client';

/**
 * A hot read as a Drizzle prepared query, kept per database handle and per variant (which
 * optional filters are present). Drizzle then builds the SQL once instead of on every request
 * (its query building was about a fifth of a request's CPU in the benchmark), and the
 * statement is named, so PostgreSQL parses and plans it once per connection.
 *
 * `build` must give the same SQL text for the same name and variant: the variant is part of
 * the statement name, and a name is bound to one text on each connection.
 */
export function preparedQuery<P>(name: string, build: (db: Queryable, statementName: string, variant: string) => P) {
  const byHandle = new WeakMap<Queryable, Map<string, P>>();
  return (db: Queryable, variant = ''): P => {
    let variants = byHandle.get(db);
    if (!variants) byHandle.set(db, (variants = new Map<string, P>()));
    let query = variants.get(variant);
    if (!query) variants.set(variant, (query = build(db, variant ? `${name}_${variant}` : name, variant)));
    return query;
  };
}
