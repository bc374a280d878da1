import { Id, listOf } from '../../domain/common';
import { CreateGoal, Goal, GoalDetail, GoalListQuery, UpdateGoal } from '../../domain/strategy/schemas';
import { auditContext } from '../platform/audit/record';
import { WorkspaceParams } from '../../domain/platform/schemas';
import type { RouteModule } from '../platform/http/context';
import { resolveFieldFilters } from './custom-fields/filters';
import { createGoal, getGoal, listGoals, setGoalArchived, updateGoal } from './goals.store';

const tags = ['Goals'];
const GoalParams = WorkspaceParams.extend({ goalId: Id });

/** Business goals: list, create, read, edit, archive and restore. */
export const goalRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/goals', {
    schema: { tags, summary: 'List goals, newest first; filter by theme, parent goal (parentGoalId=none or topLevel=true: the top level), custom fields (field=<fieldId>:<value>, repeatable)', params: WorkspaceParams, querystring: GoalListQuery, response: { 200: listOf(Goal) } },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { limit, cursor, field, ...filter } = req.query;
    const customFields = await resolveFieldFilters(db, req.workspace!.id, 'goal', field, 'field');
    return listGoals(db, req.workspace!.id, { ...filter, customFields }, limit, cursor);
  });

  app.post('/workspaces/:ws/goals', {
    schema: { tags, summary: 'Create a goal', params: WorkspaceParams, body: CreateGoal, response: { 201: Goal } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const goal = await db.transaction((tx) => createGoal(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(goal);
  });

  app.get('/workspaces/:ws/goals/:goalId', {
    schema: { tags, summary: 'A goal with its linked initiatives, key results, parent and children', params: GoalParams, response: { 200: GoalDetail } },
    config: { permission: 'workspace.read' },
  }, async (req) => getGoal(db, req.workspace!.id, req.params.goalId));

  app.patch('/workspaces/:ws/goals/:goalId', {
    schema: { tags, summary: 'Edit a goal', params: GoalParams, body: UpdateGoal, response: { 200: Goal } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateGoal(tx, auditContext(req), req.workspace!.id, req.params.goalId, req.body)));

  app.post('/workspaces/:ws/goals/:goalId/archive', {
    schema: { tags, summary: 'Archive a goal (hidden from lists, kept with its links)', params: GoalParams, response: { 200: Goal } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setGoalArchived(tx, auditContext(req), req.workspace!.id, req.params.goalId, true)));

  app.post('/workspaces/:ws/goals/:goalId/restore', {
    schema: { tags, summary: 'Restore an archived goal', params: GoalParams, response: { 200: Goal } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setGoalArchived(tx, auditContext(req), req.workspace!.id, req.params.goalId, false)));
};
