import { AlignmentMatrix, AlignmentMatrixQuery, AlignmentSummary, AlignmentSummaryQuery, type TAlignmentSummary } from '../../../domain/strategy/alignment';
import { appWorkspaceCache } from '../../platform/cache/workspace-cache';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import type { RouteModule } from '../../platform/http/context';
import { alignmentMatrix } from './matrix.store';
import { resolveFieldFilters } from '../custom-fields/filters';
import { alignmentSummary } from './summary.store';

const tags = ['Alignment'];

/** The alignment figures (DESIGN.md "Alignment") and the goals × initiatives matrix. Reading only: links change through /goal-links. */
export const alignmentRoutes: RouteModule = (app, { database: { db, pool }, events }) => {
  // The summary reads the whole workspace; it is kept until the workspace changes (see WorkspaceCache).
  const summaries = appWorkspaceCache<TAlignmentSummary>(app, events);

  app.get('/workspaces/:ws/alignment/summary', {
    schema: {
      tags,
      summary: 'Alignment figures: aligned spend and effort, goal coverage, orphans, unsupported goals, strategic value, by unit and theme',
      description:
        'With `businessUnitId` the headline figures and lists are those of the unit; with `themeId` aligned spend and effort are the share of ' +
        'the portfolio serving an active goal of the theme and coverage is that of its goals (orphans serve no theme: that list is then empty). ' +
        '`byBusinessUnit` and `byTheme` always cover the whole workspace. Lists hold at most `limit` items, with their `total`.',
      params: WorkspaceParams,
      querystring: AlignmentSummaryQuery,
      response: { 200: AlignmentSummary },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { businessUnitId = '', themeId = '', limit } = req.query;
    return summaries.get(req.workspace!.id, `${businessUnitId} ${themeId} ${limit}`, () => alignmentSummary(pool, req.workspace!.id, req.query));
  });

  app.get('/workspaces/:ws/alignment/matrix', {
    schema: {
      tags,
      summary: 'Goals (rows) × initiatives (columns) with the links between them, filtered, sorted and capped',
      description:
        'At most 100 goals and 200 initiatives per response (`goalLimit`, `initiativeLimit`, with offsets); `goalTotal` and `initiativeTotal` ' +
        'count all that pass the filters. Archived goals and initiatives are left out. Custom field filters: `goalField=<fieldId>:<value>` and ' +
        '`initiativeField=<fieldId>:<value>`, each repeatable (all must match). Edit links with /goal-links.',
      params: WorkspaceParams,
      querystring: AlignmentMatrixQuery,
      response: { 200: AlignmentMatrix },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { goalField, initiativeField, ...filter } = req.query;
    const goalCustomFields = await resolveFieldFilters(db, req.workspace!.id, 'goal', goalField, 'goalField');
    const initiativeCustomFields = await resolveFieldFilters(db, req.workspace!.id, 'initiative', initiativeField, 'initiativeField');
    return alignmentMatrix(db, req.workspace!.id, { ...filter, goalCustomFields, initiativeCustomFields });
  });
};
