import { sql } from 'drizzle-orm';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { Db } from '../db/client';
import type { Actor } from '../http/context';
import type { RouteModule } from '../http/context';

const HEARTBEAT_MS = 25_000;

/**
 * Whether the stream's caller may still listen: still a member, and the session or token the
 * stream was opened with is neither revoked nor expired. Checked at every heartbeat, so a
 * revoked session or a removed member stops hearing the workspace within one interval.
 */
async function stillAllowed(db: Db, workspaceId: string, actor: Actor): Promise<boolean> {
  const credential = actor.sessionId
    ? sql`exists (select 1 from sessions where id = ${actor.sessionId} and revoked_at is null and expires_at > now())`
    : sql`exists (select 1 from api_tokens where id = ${actor.tokenId} and revoked_at is null and (expires_at is null or expires_at > now()))`;
  const { rows } = await db.execute<{ ok: boolean }>(sql`
    select exists (select 1 from memberships where workspace_id = ${workspaceId} and user_id = ${actor.userId}) and ${credential} as ok`);
  return rows[0]?.ok === true;
}

/**
 * Live updates: `GET /workspaces/:ws/events` is a server-sent event stream of what changes in
 * the workspace (ids only; pages refetch through the API, which applies every permission).
 * Events: `ready` once, then `change` (an audited mutation), `notification` (the caller got
 * one), area events, and `resync` (events may have been missed: refetch everything).
 */
export const eventRoutes: RouteModule = (app, { events, database: { db } }) => {
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
    const workspaceId = req.workspace!.id;
    const actor = req.actor!;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(beat);
      unsubscribe();
      res.end();
    };
    const unsubscribe = events.subscribe({
      workspaceId,
      userId: actor.userId,
      send: (e) => res.write(`event: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`),
      close,
    });
    const beat = setInterval(() => {
      stillAllowed(db, workspaceId, actor).then(
        (ok) => (ok ? res.write(': keep-alive\n\n') : close()),
        () => res.write(': keep-alive\n\n'), // a database hiccup is no reason to drop the stream
      );
    }, HEARTBEAT_MS);
    // The response's close covers a client that hung up while the request was being authorised.
    res.on('close', close);
    if (req.raw.destroyed || res.destroyed) close();
  });
};
