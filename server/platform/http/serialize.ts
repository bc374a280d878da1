import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serializer: each route's zod response schema becomes a JSON schema compiled by
 * fast-json-stringify (Fastify's own serializer). It writes only the properties the schema
 * declares, so a field a store adds by mistake never leaks, and it is several times cheaper
 * than walking every response with zod (fastify-type-provider-zod's default, which was the
 * largest share of a list request's CPU in the benchmark).
 *
 * With `check` (the test suite), every response is also validated against its zod schema
 * first, so a store returning the wrong shape fails a test instead of being coerced.
 */
export function responseSerializer(check: boolean) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    if (!(schema instanceof z.ZodType)) throw new Error(`${method} ${url}: response schema is not a zod schema`);
    const stringify: (data: unknown) => string = fastJson(withoutChecks(z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' })) as object);
    if (!check) return (data: unknown) => stringify(data);
    return (data: unknown) => {
      const result = schema.safeEncode(data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      return stringify(result.data);
    };
  };
}

/**
 * The JSON schema minus the string checks (format, pattern, lengths): they change nothing in
 * the output (every value is already a string), but inside a nullable field fast-json-stringify
 * would run them through ajv on every response to pick the branch.
 */
function withoutChecks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutChecks);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'format' || k === 'pattern' || k === 'minLength' || k === 'maxLength') continue;
    // property names are data, not keywords: keep them all
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, withoutChecks(s)])) : withoutChecks(v);
  }
  return out;
}
