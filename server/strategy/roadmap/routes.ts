import { z } from 'zod';
import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import {
  CreatedRoadmapShare, CreateRoadmapShare, PublicRoadmap, PublicRoadmapQuery, resolveWindow, Roadmap, RoadmapCsvQuery, RoadmapQuery,
  ROADMAP_DEFAULT_LIMIT, RoadmapShare, type TRoadmap, type TRoadmapQuery, todayUtc, windowFor,
} from '../../../domain/strategy/roadmap';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { appWorkspaceCache } from '../../platform/cache/workspace-cache';
import { AppError } from '../../platform/http/errors';
import { roadmapCsv } from './csv';
import { createShare, listShares, openShare, revokeShare } from './shares.store';
import { assertWindow, loadRoadmap, type RoadmapRequest } from './store';

const tags = ['Roadmap'];
const ShareParams = WorkspaceParams.extend({ shareId: Id });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/** The request a roadmap query describes (the window checked: from < to, at most 5 years). */
function roadmapRequest(q: TRoadmapQuery): RoadmapRequest {
  const window = resolveWindow(q.from, q.to, todayUtc());
  assertWindow(window);
  const { status, businessUnitId, themeId, teamId, q: text } = q;
  return { window, lane: q.lane, filters: { status, businessUnitId, themeId, teamId, q: text }, limit: q.limit };
}

/** The IT roadmap: its data, CSV export, and read-only share links (with their public read). */
export const roadmapRoutes: RouteModule = (app, { config, database: { db }, events }) => {
  // A year of a large workspace is thousands of bars: kept until the workspace changes (see WorkspaceCache).
  const roadmaps = appWorkspaceCache<TRoadmap>(app, events);

  app.get('/workspaces/:ws/roadmap', {
    schema: {
      tags,
      summary: 'The roadmap: lanes, initiatives overlapping [from, to), their milestones and dependencies (default window: the current year)',
      params: WorkspaceParams, querystring: RoadmapQuery, response: { 200: Roadmap },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const request = roadmapRequest(req.query);
    return roadmaps.get(req.workspace!.id, JSON.stringify(request), () => loadRoadmap(db, req.workspace!.id, request));
  });

  app.get('/workspaces/:ws/roadmap.csv', {
    schema: {
      tags, summary: 'The roadmap as CSV (same filters; every matching initiative)', params: WorkspaceParams, querystring: RoadmapCsvQuery,
      produces: ['text/csv'],
    },
    config: { permission: 'workspace.read' },
  }, async (req, reply) => {
    const ws = req.workspace!;
    const request = roadmapRequest(req.query);
    const csv = await roadmapCsv(db, ws.id, await loadRoadmap(db, ws.id, request));
    const { from, to } = request.window;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="roadmap-${ws.slug}-${from}-to-${to}.csv"`)
      .send(csv);
  });

  app.get('/workspaces/:ws/roadmap/shares', {
    schema: { tags, summary: 'Share links of the roadmap that still work, newest first', params: WorkspaceParams, response: { 200: listOf(RoadmapShare) } },
    config: { permission: 'strategy.manage' },
  }, async (req) => ({ items: await listShares(db, req.workspace!.id), nextCursor: null }));

  app.post('/workspaces/:ws/roadmap/shares', {
    schema: {
      tags, summary: 'Create a read-only share link of the roadmap; its URL (holding the secret) is shown only in this response',
      params: WorkspaceParams, body: CreateRoadmapShare, response: { 201: CreatedRoadmapShare },
    },
    config: { permission: 'strategy.manage', secretResponse: true },
  }, async (req, reply) => {
    const { share, url } = await db.transaction((tx) => createShare(tx, auditContext(req), req.workspace!.id, req.body, config.baseUrl));
    return reply.code(201).send({ ...share, url });
  });

  app.post('/workspaces/:ws/roadmap/shares/:shareId/revoke', {
    schema: { tags, summary: 'Revoke a share link: it stops working at once', params: ShareParams, response: { 200: RoadmapShare } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => revokeShare(tx, auditContext(req), req.workspace!.id, req.params.shareId)));

  app.get('/public/roadmaps/:token', {
    schema: {
      tags, summary: 'A shared roadmap, read-only, in its saved view (public: the link is the credential; unknown or revoked → 404)',
      description: 'Lanes are only those its initiatives fall in and the one its saved filter names: no other theme, unit or team is named.',
      params: TokenParams, querystring: PublicRoadmapQuery, response: { 200: PublicRoadmap },
    },
    config: { permission: 'public' },
  }, async (req, reply) => {
    const { share, view, workspaceName } = await openShare(db, req.params.token);
    const window = req.query.from || req.query.to ? resolveWindow(req.query.from, req.query.to, todayUtc()) : windowFor(view.zoom, todayUtc());
    assertWindow(window);
    // Only the lanes its bars fall in (and the one its filter names): a link shows no other names of the workspace.
    const request = { window, lane: view.lane, filters: view.filters, limit: ROADMAP_DEFAULT_LIMIT, lanes: 'used' as const };
    // The saved lane may name a field archived since; the link then shows theme lanes.
    const roadmap = await loadRoadmap(db, share.workspaceId, request).catch(async (e: unknown) => {
      if (view.lane === 'theme' || !(e instanceof AppError) || e.status !== 400) throw e;
      return loadRoadmap(db, share.workspaceId, { ...request, lane: 'theme' });
    });
    // Someone else's link: never cached by shared caches, never sent on as a Referer.
    reply.header('cache-control', 'private, no-store');
    return { ...roadmap, laneFields: [], workspaceName, shareName: share.name, view };
  });
};
