import { ActivityItem, ActivityQuery } from '../../../domain/collaboration/activity';
import { listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { RouteModule } from '../../platform/http/context';
import { listActivity } from './store';

const tags = ['Activity'];

/** What happened in the workspace, for every member: the audit log without its private parts. */
export const activityRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/activity', {
    schema: {
      tags,
      summary: 'Activity of the workspace or of one item (with its comments), newest first; filter by person',
      params: WorkspaceParams, querystring: ActivityQuery, response: { 200: listOf(ActivityItem) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { limit, cursor, ...filter } = req.query;
    return listActivity(db, req.workspace!.id, filter, limit, cursor);
  });
};
