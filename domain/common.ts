import { z } from 'zod';

/** Shared building blocks of the API contract. */
export const Id = z.uuid();

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True for a string shaped like a UUID (of any version). */
export function looksLikeId(s: string): boolean {
  return UUID_SHAPE.test(s);
}

/** A calendar date, `YYYY-MM-DD`, in the years PostgreSQL and people use (1000–9999). */
export const IsoDate = z.iso.date().refine((v) => v >= '1000-01-01', 'must be a date from the year 1000 on');
/** An instant, ISO 8601 with offset (at most ±14:00, as real time zones are). */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine((v) => v >= '1000' && !/[+-](1[5-9]|[2-9]\d):?\d\d$/.test(v), 'must be a real instant from the year 1000 on');

/** `?includeArchived=true|false`. */
export const IncludeArchived = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
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
