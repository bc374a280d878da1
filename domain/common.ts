import { z } from 'zod';

/** Shared building blocks of the API contract. */
export const Id = z.uuid();
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Money = z.number().min(0).max(999_999_999_999).multipleOf(0.01);

/** `?limit=&cursor=` of every list. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListQuery = z.infer<typeof ListQuery>;

/** `{ items, nextCursor }`, the envelope of every list. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details, with field paths for validation errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAt: IsoDateTime.optional(),
});
export type TProblem = z.infer<typeof Problem>;

/** Trimmed non-empty single-line text. */
export const Title = z.string().trim().min(1, 'must not be empty').max(200);
export const LongText = z.string().max(20_000);
