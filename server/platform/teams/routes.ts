import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { CreateTeam, Team, TeamQuery, UpdateTeam } from '../../../domain/platform/teams';
import { auditContext } from '../audit/record';
import type { RouteModule } from '../http/context';
import { createTeam, getTeam, listTeams, presentTeam, setTeamArchived, updateTeam } from './store';

const tags = ['Teams'];
const TeamParams = WorkspaceParams.extend({ teamId: Id });

/** Delivery teams: who delivers an initiative. Everyone reads them; admins change them. */
export const teamRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/teams', {
    schema: { tags, summary: 'Teams by name; archived ones with ?includeArchived=true', params: WorkspaceParams, querystring: TeamQuery, response: { 200: listOf(Team) } },
    config: { permission: 'workspace.read' },
  }, async (req) => listTeams(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/teams', {
    schema: {
      tags, summary: 'Create a team; the lead must be a member, the business unit one of this workspace',
      params: WorkspaceParams, body: CreateTeam, response: { 201: Team },
    },
    config: { permission: 'teams.write' },
  }, async (req, reply) => {
    const t = await db.transaction((tx) => createTeam(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(t);
  });

  app.get('/workspaces/:ws/teams/:teamId', {
    schema: { tags, summary: 'One team', params: TeamParams, response: { 200: Team } },
    config: { permission: 'workspace.read' },
  }, async (req) => presentTeam(await getTeam(db, req.workspace!.id, req.params.teamId)));

  app.patch('/workspaces/:ws/teams/:teamId', {
    schema: { tags, summary: 'Change a team (not while archived)', params: TeamParams, body: UpdateTeam, response: { 200: Team } },
    config: { permission: 'teams.write' },
  }, async (req) => db.transaction((tx) => updateTeam(tx, auditContext(req), req.workspace!.id, req.params.teamId, req.body)));

  app.post('/workspaces/:ws/teams/:teamId/archive', {
    schema: { tags, summary: 'Archive a team (its initiatives keep it)', params: TeamParams, response: { 200: Team } },
    config: { permission: 'teams.write' },
  }, async (req) => db.transaction((tx) => setTeamArchived(tx, auditContext(req), req.workspace!.id, req.params.teamId, true)));

  app.post('/workspaces/:ws/teams/:teamId/restore', {
    schema: { tags, summary: 'Restore an archived team', params: TeamParams, response: { 200: Team } },
    config: { permission: 'teams.write' },
  }, async (req) => db.transaction((tx) => setTeamArchived(tx, auditContext(req), req.workspace!.id, req.params.teamId, false)));
};
