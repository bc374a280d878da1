import { CreateWorkspace, UpdateWorkspace, Workspace, WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../audit/record';
import type { RouteModule } from '../http/context';
import { createWorkspace, getWorkspace, presentWorkspace, setWorkspaceArchived, updateWorkspace } from './store';

const tags = ['Workspaces'];

/** Creating, reading, renaming, archiving and restoring workspaces. */
export const workspaceRoutes: RouteModule = (app, { database: { db } }) => {
  app.post('/workspaces', {
    schema: { tags, summary: 'Create a workspace; you become its owner', body: CreateWorkspace, response: { 201: Workspace } },
    config: { permission: 'user' },
  }, async (req, reply) => {
    const actor = req.actor!;
    const w = await db.transaction((tx) => createWorkspace(tx, auditContext(req), { ...req.body, ownerUserId: actor.userId }));
    reply.code(201);
    return presentWorkspace(w, 'owner');
  });

  app.get('/workspaces/:ws', {
    schema: { tags, summary: 'A workspace you belong to, with your role', params: WorkspaceParams, response: { 200: Workspace } },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const ws = req.workspace!;
    return presentWorkspace(await getWorkspace(db, ws.id), ws.role);
  });

  app.patch('/workspaces/:ws', {
    schema: { tags, summary: 'Rename the workspace, change its address (slug) or currency', params: WorkspaceParams, body: UpdateWorkspace, response: { 200: Workspace } },
    config: { permission: 'workspace.manage' },
  }, async (req) => {
    const ws = req.workspace!;
    const w = await db.transaction((tx) => updateWorkspace(tx, auditContext(req), ws.id, req.body));
    return presentWorkspace(w, ws.role);
  });

  app.post('/workspaces/:ws/archive', {
    schema: { tags, summary: 'Archive the workspace: it stays readable but takes no changes (owners)', params: WorkspaceParams, response: { 200: Workspace } },
    config: { permission: 'workspace.archive' },
  }, async (req) => {
    const ws = req.workspace!;
    const w = await db.transaction((tx) => setWorkspaceArchived(tx, auditContext(req), ws.id, true));
    return presentWorkspace(w, ws.role);
  });

  app.post('/workspaces/:ws/restore', {
    schema: { tags, summary: 'Restore an archived workspace (owners)', params: WorkspaceParams, response: { 200: Workspace } },
    config: { permission: 'workspace.archive' },
  }, async (req) => {
    const ws = req.workspace!;
    const w = await db.transaction((tx) => setWorkspaceArchived(tx, auditContext(req), ws.id, false));
    return presentWorkspace(w, ws.role);
  });
};
