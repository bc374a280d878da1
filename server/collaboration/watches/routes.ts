import { EntityRef, WatchState } from '../../../domain/collaboration/comments';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { RouteModule } from '../../platform/http/context';
import { requireEntity, startWatching, stopWatching, watchState } from './store';

const tags = ['Watches'];

// Watching is a person's own subscription, like their notification preferences: it changes no
// workspace data, so it is not written to the audit log (nor shown as activity).

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
    await startWatching(tx, req.workspace!.id, req.actor!.userId, req.body);
    return watchState(tx, req.workspace!.id, req.actor!.userId, req.body);
  }));

  app.delete('/workspaces/:ws/watches', {
    schema: { tags, summary: 'Stop watching an item (again is fine)', params: WorkspaceParams, querystring: EntityRef, response: { 200: WatchState } },
    config: { permission: 'workspace.read' },
  }, async (req) => db.transaction(async (tx) => {
    await requireEntity(tx, req.workspace!.id, req.query, 'query');
    await stopWatching(tx, req.workspace!.id, req.actor!.userId, req.query);
    return watchState(tx, req.workspace!.id, req.actor!.userId, req.query);
  }));
};

