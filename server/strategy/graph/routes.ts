import { WorkspaceParams } from '../../../domain/platform/schemas';
import { AlignmentGraph, AlignmentGraphQuery, type TAlignmentGraph } from '../../../domain/strategy/graph';
import { appWorkspaceCache } from '../../platform/cache/workspace-cache';
import type { RouteModule } from '../../platform/http/context';
import { alignmentGraph } from './store';

const tags = ['Alignment'];

/** The alignment graph: themes → goals → initiatives, with orphans and unsupported goals flagged. */
export const alignmentGraphRoutes: RouteModule = (app, { database: { db }, events }) => {
  // The graph reads the whole workspace: kept until the workspace changes (see WorkspaceCache).
  const graphs = appWorkspaceCache<TAlignmentGraph>(app, events);

  app.get('/workspaces/:ws/alignment/graph', {
    schema: {
      tags,
      summary: 'Themes, goals and initiatives as a graph (capped at maxNodes, default 400; see truncated and hint)',
      params: WorkspaceParams,
      querystring: AlignmentGraphQuery,
      response: { 200: AlignmentGraph },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => graphs.get(req.workspace!.id, JSON.stringify(req.query), () => alignmentGraph(db, req.workspace!.id, req.query)));
};
