import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Cache-Control of a file of the built web app (path relative to its folder): the shell
 * index.html is revalidated every time, so a new release is picked up on the next load;
 * Vite's assets/ carry a content hash in their names and never change; the rest (favicon) 1 h.
 */
export function cacheControlFor(file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  if (file.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/** Serves the web app built into root, if there is one there; says whether there is. */
export async function serveWebFiles(app: FastifyInstance, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    // One route per file found at start (GET and HEAD); `/` and client routes get index.html
    // from the not-found handler (isClientRoute).
    wildcard: false,
    index: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', cacheControlFor(path.relative(root, file).split(path.sep).join('/')));
    },
  });
  return true;
}

/** A page of the single-page app: a GET or HEAD outside /api whose path names no file. */
export function isClientRoute(req: FastifyRequest): boolean {
  const pathname = req.url.split('?')[0]!;
  return (req.method === 'GET' || req.method === 'HEAD') && !/^\/api(\/|$)/.test(pathname) && !path.extname(pathname);
}

