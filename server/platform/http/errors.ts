import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TProblem } from '../../../domain/common';

type FieldError = { path: string; message: string };

/** The one error type routes and services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    detail: string,
    public readonly errors?: FieldError[],
    public readonly extra?: Partial<TProblem>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new AppError(400, 'Bad request', detail, errors);
/** Invalid fields, reported like schema validation errors. */
export const invalidFields = (errors: FieldError[]) =>
  new AppError(400, 'Validation failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
/** A single invalid field. */
export const invalidField = (path: string, message: string) => invalidFields([{ path, message }]);
export const unauthorized = (detail = 'Sign in first.') => new AppError(401, 'Unauthorized', detail);
export const forbidden = (detail = 'Your role does not allow this.') => new AppError(403, 'Forbidden', detail);
export const notFound = (what = 'Resource') => new AppError(404, 'Not found', `${what} not found.`);
export const conflict = (detail: string) => new AppError(409, 'Conflict', detail);

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function problem(reply: FastifyReply, req: FastifyRequest, status: number, title: string, detail?: string, rest: Partial<TProblem> = {}) {
  const body: TProblem = { type: `https://tandem.dev/problems/${slug(title)}`, title, status, detail, requestId: req.id, ...rest };
  return reply.code(status).type('application/problem+json').send(body);
}

type PgError = { code?: string; constraint?: string; message?: string };

/** The PostgreSQL error behind err: Drizzle wraps it as the `cause` of its own query error. */
function pgErrorOf(err: unknown): PgError | null {
  for (let e = err as { cause?: unknown; code?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgError;
  }
  return null;
}

/**
 * A transaction PostgreSQL gave up on because another one got in its way: nothing of it was
 * stored, and the same request sent again normally succeeds. A 503 (not a 409) so a retry with
 * the same Idempotency-Key runs again instead of replaying this answer.
 */
const tryAgain = () =>
  new AppError(503, 'Try again', 'Another change got in the way of this one at the same moment; nothing was changed. Send it again.');

/** Maps PostgreSQL constraint errors to what the user did wrong; the database has the last word. */
function fromDatabase(err: PgError): AppError | null {
  switch (err.code) {
    case '40P01': // deadlock_detected
    case '40001': // serialization_failure
      return tryAgain();
    case '23505':
      return conflict(`Already exists${err.constraint ? ` (${err.constraint.replace(/_key$/, '').replace(/_/g, ' ')})` : ''}.`);
    case '23503':
      return badRequest('A referenced item does not exist.');
    case '23514':
      return badRequest(`A value breaks a rule${err.constraint ? ` (${err.constraint.replace(/_check$/, '').replace(/_/g, ' ')})` : ''}.`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return badRequest('A value has the wrong form or is out of range.');
    default:
      return null;
  }
}

/** The single error → problem+json mapping of the API. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return problem(reply, req, err.status, err.title, err.message, { errors: err.errors, ...err.extra });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      // Fastify calls the query string 'querystring'; the API's field paths say 'query'.
      const context = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'body');
      return { path: where ? `${context}.${where}` : context, message: v.message ?? 'is not valid' };
    });
    return problem(reply, req, 400, 'Validation failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    return problem(reply, req, 500, 'Internal server error', `Something went wrong on our side. Quote request id ${req.id}.`);
  }
  const pgError = pgErrorOf(err);
  const db = pgError ? fromDatabase(pgError) : null;
  if (db) {
    if (db.status === 503) {
      req.log.warn({ pg: { code: pgError!.code, message: pgError!.message } }, 'transaction gave way to a concurrent one');
      reply.header('retry-after', '1');
    }
    return problem(reply, req, db.status, db.title, db.message);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError)) {
    return problem(reply, req, 400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const titles: Record<number, string> = {
      400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 413: 'Payload too large',
      415: 'Unsupported media type', 429: 'Too many requests',
    };
    return problem(reply, req, err.statusCode, titles[err.statusCode] ?? 'Bad request', err.message);
  }
  // A failed query is logged by its PostgreSQL code and message only: its parameters may hold secrets.
  if (pgError) req.log.error({ pg: { code: pgError.code, constraint: pgError.constraint, message: pgError.message } }, 'unexpected database error');
  else req.log.error({ err }, 'unexpected error');
  return problem(reply, req, 500, 'Internal server error', `Something went wrong on our side. Quote request id ${req.id}.`);
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return problem(reply, req, 404, 'Not found', `No route ${req.method} ${req.url.split('?')[0]}.`);
}
