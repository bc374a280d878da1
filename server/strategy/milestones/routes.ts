import { z } from 'zod';
import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { CreateMilestone, Milestone, UpdateMilestone } from '../../../domain/strategy/milestones';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { createMilestone, deleteMilestone, milestonesOfInitiative, updateMilestone } from './store';

const tags = ['Milestones'];
const InitiativeParams = WorkspaceParams.extend({ initiativeId: Id });
const MilestoneParams = WorkspaceParams.extend({ milestoneId: Id });
const DUE_RULE = 'The due date must fall within the initiative\'s dates (on or after its start, on or before its end, where set): else a 400 on body.dueDate.';

/** Milestones of an initiative: dated steps, shown on its page and the roadmap. */
export const milestoneRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/initiatives/:initiativeId/milestones', {
    schema: { tags, summary: 'An initiative\'s milestones by due date (all of them)', params: InitiativeParams, response: { 200: listOf(Milestone) } },
    config: { permission: 'workspace.read' },
  }, async (req) => ({ items: await milestonesOfInitiative(db, req.workspace!.id, req.params.initiativeId), nextCursor: null }));

  app.post('/workspaces/:ws/initiatives/:initiativeId/milestones', {
    schema: { tags, summary: 'Add a milestone', description: DUE_RULE, params: InitiativeParams, body: CreateMilestone, response: { 201: Milestone } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const m = await db.transaction((tx) => createMilestone(tx, auditContext(req), req.workspace!.id, req.params.initiativeId, req.body));
    return reply.code(201).send(m);
  });

  app.patch('/workspaces/:ws/milestones/:milestoneId', {
    schema: {
      tags, summary: 'Change a milestone; mark it done with doneOn, reopen it with doneOn: null', description: DUE_RULE,
      params: MilestoneParams, body: UpdateMilestone, response: { 200: Milestone },
    },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateMilestone(tx, auditContext(req), req.workspace!.id, req.params.milestoneId, req.body)));

  app.delete('/workspaces/:ws/milestones/:milestoneId', {
    schema: { tags, summary: 'Delete a milestone (the audit log keeps it)', params: MilestoneParams, response: { 204: z.undefined() } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteMilestone(tx, auditContext(req), req.workspace!.id, req.params.milestoneId));
    return reply.code(204).send();
  });
};
