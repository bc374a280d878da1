import { ActionItem, ActionItemListQuery, CreateActionItem, UpdateActionItem } from '../../../domain/collaboration/actions';
import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { createActionItem, getActionItem, listActionItems, setActionItemArchived, updateActionItem } from './store';

const tags = ['Action items'];
const ItemParams = WorkspaceParams.extend({ actionItemId: Id });

/** Action items: list (mine, by source, by due date), create, read, edit, archive and restore. */
export const actionRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/action-items', {
    schema: {
      tags, summary: 'List action items',
      description: 'Filters: owner (a user id, `me` or `none`), status (one or several, comma-separated), sourceType and sourceId, '
        + 'due (overdue, this_week = today to today + 6, later, none; counted from `today`, by default the server\'s UTC date) and q. '
        + 'Sorted newest first, or with `sort=due` by due date (undated last).',
      params: WorkspaceParams, querystring: ActionItemListQuery, response: { 200: listOf(ActionItem) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { limit, cursor, owner, ...filter } = req.query;
    return listActionItems(db, req.workspace!.id, { ...filter, owner: owner === 'me' ? req.actor!.userId : owner }, limit, cursor);
  });

  app.post('/workspaces/:ws/action-items', {
    schema: { tags, summary: 'Create an action item (the owner is notified)', params: WorkspaceParams, body: CreateActionItem, response: { 201: ActionItem } },
    config: { permission: 'actions.write' },
  }, async (req, reply) => {
    const item = await db.transaction((tx) => createActionItem(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(item);
  });

  app.get('/workspaces/:ws/action-items/:actionItemId', {
    schema: { tags, summary: 'An action item', params: ItemParams, response: { 200: ActionItem } },
    config: { permission: 'workspace.read' },
  }, async (req) => getActionItem(db, req.workspace!.id, req.params.actionItemId));

  app.patch('/workspaces/:ws/action-items/:actionItemId', {
    schema: { tags, summary: 'Edit an action item (a new owner is notified)', params: ItemParams, body: UpdateActionItem, response: { 200: ActionItem } },
    config: { permission: 'actions.write' },
  }, async (req) => db.transaction((tx) => updateActionItem(tx, auditContext(req), req.workspace!.id, req.params.actionItemId, req.body)));

  app.post('/workspaces/:ws/action-items/:actionItemId/archive', {
    schema: { tags, summary: 'Archive an action item', params: ItemParams, response: { 200: ActionItem } },
    config: { permission: 'actions.write' },
  }, async (req) => db.transaction((tx) => setActionItemArchived(tx, auditContext(req), req.workspace!.id, req.params.actionItemId, true)));

  app.post('/workspaces/:ws/action-items/:actionItemId/restore', {
    schema: { tags, summary: 'Restore an archived action item', params: ItemParams, response: { 200: ActionItem } },
    config: { permission: 'actions.write' },
  }, async (req) => db.transaction((tx) => setActionItemArchived(tx, auditContext(req), req.workspace!.id, req.params.actionItemId, false)));
};
