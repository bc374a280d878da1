import { EntityRef, WatchState, type TEntityRef } from '../../../domain/collaboration/comments';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { type AuditEvent, auditContext, recordAudit } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { requireEntity, startWatching, stopWatching, watchState } from './store';

const tags = ['Watches'];

// Watching is a workspace-scoped mutation, so it is audited ('watch.create' / 'watch.delete',
// entity id = the watched item's), but only when it changes something: watching twice writes
// one entry. 'watch' is not shared with members (entities.ts), so these entries stay out of
// activity feeds, live events and webhooks. The automatic watch of whoever creates or comments
// on an item is not audited on its own: it is part of that audited create or comment.
function watchEntry(workspaceId: string, ref: TEntityRef, watching: boolean): AuditEvent {
  const snapshot = { entityType: ref.entityType, entityId: ref.entityId };
  return watching
    ? { workspaceId, action: 'watch.create', entityType: 'watch', entityId: ref.entityId, after: snapshot }
    : { workspaceId, action: 'watch.delete', entityType: 'watch', entityId: ref.entityId, before: snapshot };
}

/** Watching an item: hear of its changes and comments. Any member, viewers too, may watch. */
export const watchRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/watches', {
    schema: { tags, summary: 'Whether you watch an item, and how many watch it', params: WorkspaceParams, querystring: EntityRef, response: { 200: WatchState } },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    await requireEntity(db, req.workspace!.id, req.query, 'query');
    return watchState(db, req.workspace!.id, req.actor!.userId, req.query);
  });

  app.put('/workspaces/:ws/watches', {
    schema: { tags, summary: 'Watch an item (again is fine)', params: WorkspaceParams, body: EntityRef, response: { 200: WatchState } },
    config: { permission: 'workspace.read' },
  }, async (req) => db.transaction(async (tx) => {
    await requireEntity(tx, req.workspace!.id, req.body, 'body');
    if (await startWatching(tx, req.workspace!.id, req.actor!.userId, req.body)) {
      await recordAudit(tx, auditContext(req), watchEntry(req.workspace!.id, req.body, true));
    }
    return watchState(tx, req.workspace!.id, req.actor!.userId, req.body);
  }));

  app.delete('/workspaces/:ws/watches', {
    schema: { tags, summary: 'Stop watching an item (again is fine)', params: WorkspaceParams, querystring: EntityRef, response: { 200: WatchState } },
    config: { permission: 'workspace.read' },
  }, async (req) => db.transaction(async (tx) => {
    await requireEntity(tx, req.workspace!.id, req.query, 'query');
    if (await stopWatching(tx, req.workspace!.id, req.actor!.userId, req.query)) {
      await recordAudit(tx, auditContext(req), watchEntry(req.workspace!.id, req.query, false));
    }
    return watchState(tx, req.workspace!.id, req.actor!.userId, req.query);
  }));
};

