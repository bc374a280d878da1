import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { RouteModule } from '../http/context';

const HEARTBEAT_MS = 25_000;

/**
 * Live updates: `GET /workspaces/:ws/events` is a server-sent event stream of what changes in
 * the workspace (ids only; pages refetch through the API, which applies every permission).
 * Events: `ready` once, then `change` (an audited mutation), `notification` (the caller got
 * one), area events, and `resync` (events may have been missed: refetch everything).
 */
export const eventRoutes: RouteModule = (app, { events }) => {
  app.get('/workspaces/:ws/events', {
    schema: {
      tags: ['Live updates'], summary: 'Server-sent events of the workspace (text/event-stream)', params: WorkspaceParams,
    },
    config: { permission: 'workspace.read' },
  }, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Reverse proxies (nginx) must pass events through at once.
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
    const close = () => {
      clearInterval(beat);
      unsubscribe();
      res.end();
    };
    const unsubscribe = events.subscribe({
      workspaceId: req.workspace!.id,
      userId: req.actor!.userId,
      send: (e) => res.write(`event: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`),
      close,
    });
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.raw.on('close', close);
  });
};
