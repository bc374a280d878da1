import { z } from 'zod';
import { Id, listOf } from '../../domain/common';
import { CreateGoalLink, GoalLink, GoalLinkListQuery, UpdateGoalLink } from '../../domain/strategy/schemas';
import { auditContext } from '../platform/audit/record';
import { WorkspaceParams } from '../../domain/platform/schemas';
import type { RouteModule } from '../platform/http/context';
import { createLink, deleteLink, listLinkPage, updateLink } from './links.store';

const tags = ['Goal links'];
const LinkParams = WorkspaceParams.extend({ linkId: Id });

/** Links between goals and the initiatives that serve them, with a strength. */
export const goalLinkRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/goal-links', {
    schema: { tags, summary: 'List goal links (of one goal or initiative)', params: WorkspaceParams, querystring: GoalLinkListQuery, response: { 200: listOf(GoalLink) } },
    config: { permission: 'workspace.read' },
  }, async (req) => listLinkPage(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/goal-links', {
    schema: { tags, summary: 'Link an initiative to a goal', params: WorkspaceParams, body: CreateGoalLink, response: { 201: GoalLink } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const link = await db.transaction((tx) => createLink(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(link);
  });

  app.patch('/workspaces/:ws/goal-links/:linkId', {
    schema: { tags, summary: 'Change a link’s strength or rationale', params: LinkParams, body: UpdateGoalLink, response: { 200: GoalLink } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateLink(tx, auditContext(req), req.workspace!.id, req.params.linkId, req.body)));

  app.delete('/workspaces/:ws/goal-links/:linkId', {
    schema: { tags, summary: 'Unlink', params: LinkParams, response: { 204: z.undefined() } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteLink(tx, auditContext(req), req.workspace!.id, req.params.linkId));
    return reply.code(204).send();
  });
};
