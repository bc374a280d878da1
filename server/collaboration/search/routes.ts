import { SearchQuery, SearchResult, searchTerms } from '../../../domain/collaboration/search';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { invalidField } from '../../platform/http/errors';
import type { RouteModule } from '../../platform/http/context';
import { searchableTypes } from './index';
import { searchDocumentsOf } from './store';

const tags = ['Search'];

/** Global search across everything with a title or text in the workspace. */
export const searchRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/search', {
    schema: {
      tags,
      summary: 'Search the workspace',
      description:
        'Finds goals, initiatives, business units, action items and comments whose title or text holds every word of `q` ' +
        '(each as a word prefix: "infra" finds "Infrastructure"). Best matches first, archived ones after live ones. ' +
        '`titleHighlight` and `snippet` are HTML whose only tag is <mark>; everything else is escaped.',
      params: WorkspaceParams,
      querystring: SearchQuery,
      response: { 200: SearchResult },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { q, types, includeArchived, limit } = req.query;
    const known = searchableTypes();
    const unknown = types?.find((t) => !known.includes(t));
    if (unknown) throw invalidField('query.types', `unknown type "${unknown}"; one of ${known.join(', ')}`);
    // Every member may find every indexed type; a type some roles must not see is dropped here by req.workspace!.role.
    const wanted = types ?? known;
    const items = await searchDocumentsOf(db, req.workspace!.id, { terms: searchTerms(q), types: wanted, includeArchived, limit });
    return { items };
  });
};
