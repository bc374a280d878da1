import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { after, CursorTime, decodeCursor } from '../platform/http/pagination';

/** Goals and initiatives list newest first: the rows after `?cursor=` in (createdAt, id) descending order. */
export function afterNewestCursor(cursor: string | undefined, createdAt: AnyPgColumn, id: AnyPgColumn): SQL | undefined {
  const c = decodeCursor(cursor, z.tuple([CursorTime, z.uuid()]));
  return c ? after([createdAt, id], [sql`${c[0]}::timestamptz`, sql`${c[1]}::uuid`], 'desc') : undefined;
}
