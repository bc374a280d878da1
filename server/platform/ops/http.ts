import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TrustProxy } from '../config';

/**
 * Headers on every response. No script or style policy: Mantine writes inline styles and
 * Swagger UI has its own needs; framing and MIME sniffing are refused, and the Referer never
 * leaves the site (invitation links carry their secret in the path).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'same-origin',
};

/** Adds SECURITY_HEADERS to every response; a route that sets one of them itself keeps its value. */
export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
  });
}

/**
 * Paths whose segment after the match is a secret: the API's invitation token, and the web
 * page /invite/<token> — also URL-encoded, as in /sign-in?next=%2Finvite%2F<token>.
 */
const SECRET_SEGMENTS = [
  /(\/api\/v1\/invitations\/)[^/?#]+/g,
  /(\/api\/v1\/public\/roadmaps\/)[^/?#]+/g,
  /((?:\/|%2f)invite(?:\/|%2f))[^/?#&%]+/gi,
  /((?:\/|%2f)share(?:\/|%2f)roadmap(?:\/|%2f))[^/?#&%]+/gi,
];

/** The URL with invitation and share-link secrets replaced by [redacted], for logs. */
export function redactUrl(url: string): string {
  return SECRET_SEGMENTS.reduce((u, pattern) => u.replace(pattern, '$1[redacted]'), url);
}

/** The request as logged ("incoming request"): Fastify's default fields, the URL without secrets. */
export function logRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * application/json as Fastify parses it (prototype poisoning refused, malformed JSON the
 * FST_ERR_CTP_INVALID_JSON_BODY 400 the error handler maps), except that an empty body is no
 * body: fetch wrappers send the content type on body-less POSTs (archive, restore, leave).
 */
export function acceptEmptyJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString();
    if (text.length === 0) return done(null, undefined);
    void parseJson(req, text, done); // synchronous: it calls done itself
  });
}

/**
 * TRUST_PROXY as Fastify's trustProxy. Fastify treats a bare number as "trust nothing", so a
 * hop count becomes the function proxy-addr calls per address, nearest first (hop 0 is the peer
 * that connected): the nearest n are proxies. Safe only when clients cannot reach the app directly.
 */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
