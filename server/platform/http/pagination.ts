import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { invalidField } from './errors';

/**
 * Keyset pagination. A cursor is the base64url JSON of the last row's sort key and id; the next
 * page starts strictly after it. Queries fetch `limit + 1` rows so `page()` knows if more follow.
 */

/** A cursor for the row whose sort key (ending with its id) is `key`. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key a `?cursor=` holds, checked against `shape` (a tuple of the key's parts);
 * null when no cursor was given. A cursor that was not ours is a 400 on query.cursor.
 */
export function decodeCursor<T extends z.ZodTuple>(cursor: string | undefined, shape: T): z.infer<T> | null {
  if (cursor === undefined || cursor === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('query.cursor', 'is not a cursor this list gave out');
  }
  const parsed = shape.safeParse(raw);
  if (!parsed.success) throw invalidField('query.cursor', 'is not a cursor this list gave out');
  return parsed.data;
}

/** `{items, nextCursor}` from `limit + 1` fetched rows; the cursor is the last shown row's key. */
export function page<R, T>(rows: R[], limit: number, present: (row: R) => T, keyOf: (row: R) => readonly (string | number)[]) {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * A timestamp column as text with all six fractional digits, in UTC: a JS Date keeps only
 * milliseconds, and a cursor must compare equal to the stored value to not skip or repeat rows.
 */
export function exactTime(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A cursor time as written by exactTime(). */
export const CursorTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);

/** `(a, b) > (x, y)` (or `<` when descending): the rows after the cursor in the list's order. */
export function after(columns: [SQL | AnyPgColumn, SQL | AnyPgColumn], values: [SQL, SQL], direction: 'asc' | 'desc'): SQL {
  const op = direction === 'asc' ? sql`>` : sql`<`;
  return sql`(${columns[0]}, ${columns[1]}) ${op} (${values[0]}, ${values[1]})`;
}

/** The (createdAt, id) key a newest-first list's `?cursor=` holds, or null without one. */
export function newestCursorKey(cursor: string | undefined): [string, string] | null {
  return decodeCursor(cursor, z.tuple([CursorTime, z.uuid()]));
}

/** For lists newest first: the rows after `?cursor=` in (createdAt, id) descending order. */
export function afterNewestCursor(cursor: string | undefined, createdAt: AnyPgColumn, id: AnyPgColumn): SQL | undefined {
  const c = newestCursorKey(cursor);
  return c ? after([createdAt, id], [sql`${c[0]}::timestamptz`, sql`${c[1]}::uuid`], 'desc') : undefined;
}

/** afterNewestCursor for a prepared query: the key comes in placeholders `cursorAt` and `cursorId`. */
export function afterNewestPlaceholders(createdAt: AnyPgColumn, id: AnyPgColumn): SQL {
  return after([createdAt, id], [sql`${sql.placeholder('cursorAt')}::timestamptz`, sql`${sql.placeholder('cursorId')}::uuid`], 'desc');
}

/** `%text%` for ILIKE, with the pattern characters in text matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
