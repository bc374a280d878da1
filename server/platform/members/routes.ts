import { z } from 'zod';
import { Id, ListQuery, listOf } from '../../../domain/common';
import { Member, UpdateMember, WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../audit/record';
import type { RouteModule } from '../http/context';
import { changeRole, listMembers, removeMember } from './store';

const tags = ['Members'];
const MemberParams = WorkspaceParams.extend({ userId: Id });

/** The people of a workspace: listing, changing roles, removing, leaving. */
export const memberRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/members', {
    schema: { tags, summary: 'Members of the workspace, by name', params: WorkspaceParams, querystring: ListQuery, response: { 200: listOf(Member) } },
    config: { permission: 'workspace.read' },
  }, async (req) => listMembers(db, req.workspace!.id, req.query));

  app.patch('/workspaces/:ws/members/:userId', {
    schema: {
      tags,
      summary: "Change a member's role; only owners grant or take away the owner role, and the last owner keeps it",
      params: MemberParams, body: UpdateMember, response: { 200: Member },
    },
    config: { permission: 'members.manage' },
  }, async (req) => db.transaction((tx) => changeRole(tx, auditContext(req), req.workspace!, req.params.userId, req.body.role)));

  app.delete('/workspaces/:ws/members/:userId', {
    schema: { tags, summary: 'Remove a member; only owners remove owners, and never the last one', params: MemberParams, response: { 204: z.undefined() } },
    config: { permission: 'members.manage' },
  }, async (req, reply) => {
    await db.transaction((tx) => removeMember(tx, auditContext(req), req.workspace!, req.params.userId, 'member.remove'));
    return reply.code(204).send();
  });

  app.post('/workspaces/:ws/leave', {
    schema: { tags, summary: 'Leave the workspace (the last owner cannot)', params: WorkspaceParams, response: { 204: z.undefined() } },
    config: { permission: 'workspace.read' },
  }, async (req, reply) => {
    await db.transaction((tx) => removeMember(tx, auditContext(req), req.workspace!, req.actor!.userId, 'member.leave'));
    return reply.code(204).send();
  });
};
