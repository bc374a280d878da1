import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { CreateTheme, PutVision, Theme, ThemeListQuery, UpdateTheme, Vision } from '../../../domain/strategy/themes';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { createTheme, getTheme, getVision, listThemes, putVision, setThemeArchived, updateTheme } from './store';

const tags = ['Vision and themes'];
const ThemeParams = WorkspaceParams.extend({ themeId: Id });

/** The workspace's vision and its strategic themes: everyone reads them, admins write them. */
export const themeRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/vision', {
    schema: { tags, summary: 'The workspace vision (empty until written)', params: WorkspaceParams, response: { 200: Vision } },
    config: { permission: 'workspace.read' },
  }, async (req) => getVision(db, req.workspace!.id));

  app.put('/workspaces/:ws/vision', {
    schema: { tags, summary: 'Write the workspace vision (statement, mission, horizon)', params: WorkspaceParams, body: PutVision, response: { 200: Vision } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => putVision(tx, auditContext(req), req.workspace!.id, req.body)));

  app.get('/workspaces/:ws/themes', {
    schema: {
      tags, summary: 'All themes by position, with goal count and progress; archived ones with ?includeArchived=true',
      params: WorkspaceParams, querystring: ThemeListQuery, response: { 200: listOf(Theme) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listThemes(db, req.workspace!.id, req.query.includeArchived));

  app.post('/workspaces/:ws/themes', {
    schema: { tags, summary: 'Create a theme; the name is unique in the workspace', params: WorkspaceParams, body: CreateTheme, response: { 201: Theme } },
    config: { permission: 'strategy.manage' },
  }, async (req, reply) => {
    const theme = await db.transaction((tx) => createTheme(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(theme);
  });

  app.get('/workspaces/:ws/themes/:themeId', {
    schema: { tags, summary: 'One theme', params: ThemeParams, response: { 200: Theme } },
    config: { permission: 'workspace.read' },
  }, async (req) => getTheme(db, req.workspace!.id, req.params.themeId));

  app.patch('/workspaces/:ws/themes/:themeId', {
    schema: { tags, summary: 'Edit a theme', params: ThemeParams, body: UpdateTheme, response: { 200: Theme } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => updateTheme(tx, auditContext(req), req.workspace!.id, req.params.themeId, req.body)));

  app.post('/workspaces/:ws/themes/:themeId/archive', {
    schema: { tags, summary: 'Archive a theme (its goals keep it)', params: ThemeParams, response: { 200: Theme } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => setThemeArchived(tx, auditContext(req), req.workspace!.id, req.params.themeId, true)));

  app.post('/workspaces/:ws/themes/:themeId/restore', {
    schema: { tags, summary: 'Restore an archived theme', params: ThemeParams, response: { 200: Theme } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => setThemeArchived(tx, auditContext(req), req.workspace!.id, req.params.themeId, false)));
};
