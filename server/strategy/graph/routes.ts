import { WorkspaceParams } from '../../../domain/platform/schemas';
import { AlignmentGraph, AlignmentGraphQuery } from '../../../domain/strategy/graph';
import type { RouteModule } from '../../platform/http/context';
import { alignmentGraph } from './store';

const tags = ['Alignment'];

/** The alignment graph: themes → goals → initiatives, with orphans and unsupported goals flagged. */
export const alignmentGraphRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/alignment/graph', {
    schema: {
      tags,
      summary: 'Themes, goals and initiatives as a graph (capped at maxNodes, default 400; see truncated and hint)',
      params: WorkspaceParams,
      querystring: AlignmentGraphQuery,
      response: { 200: AlignmentGraph },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => alignmentGraph(db, req.workspace!.id, req.query));
};
