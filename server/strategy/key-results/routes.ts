import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { CheckIn, CreateCheckIn, CreateKeyResult, KeyResult, KeyResultListQuery, UpdateKeyResult } from '../../../domain/strategy/key-results';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import {
  createCheckIn, createKeyResult, getKeyResult, listCheckIns, listKeyResults, setKeyResultArchived, updateKeyResult,
} from './store';

const tags = ['Key results'];
const GoalParams = WorkspaceParams.extend({ goalId: Id });
const KeyResultParams = WorkspaceParams.extend({ keyResultId: Id });

/** Key results of goals and their check-ins: members and up write, everyone reads. */
export const keyResultRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/goals/:goalId/key-results', {
    schema: {
      tags, summary: 'The key results of a goal by position, with progress; archived ones with ?includeArchived=true',
      params: GoalParams, querystring: KeyResultListQuery, response: { 200: listOf(KeyResult) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listKeyResults(db, req.workspace!.id, req.params.goalId, req.query.includeArchived));

  app.post('/workspaces/:ws/goals/:goalId/key-results', {
    schema: {
      tags, summary: 'Add a key result to a goal; current defaults to the baseline, a direction is needed when target equals baseline',
      params: GoalParams, body: CreateKeyResult, response: { 201: KeyResult },
    },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const kr = await db.transaction((tx) => createKeyResult(tx, auditContext(req), req.workspace!.id, req.params.goalId, req.body));
    return reply.code(201).send(kr);
  });

  app.get('/workspaces/:ws/key-results/:keyResultId', {
    schema: { tags, summary: 'One key result', params: KeyResultParams, response: { 200: KeyResult } },
    config: { permission: 'workspace.read' },
  }, async (req) => getKeyResult(db, req.workspace!.id, req.params.keyResultId));

  app.patch('/workspaces/:ws/key-results/:keyResultId', {
    schema: {
      tags, summary: 'Edit a key result (the current value changes through check-ins)',
      params: KeyResultParams, body: UpdateKeyResult, response: { 200: KeyResult },
    },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateKeyResult(tx, auditContext(req), req.workspace!.id, req.params.keyResultId, req.body)));

  app.post('/workspaces/:ws/key-results/:keyResultId/archive', {
    schema: { tags, summary: 'Archive a key result (it leaves the goal’s progress)', params: KeyResultParams, response: { 200: KeyResult } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setKeyResultArchived(tx, auditContext(req), req.workspace!.id, req.params.keyResultId, true)));

  app.post('/workspaces/:ws/key-results/:keyResultId/restore', {
    schema: { tags, summary: 'Restore an archived key result', params: KeyResultParams, response: { 200: KeyResult } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setKeyResultArchived(tx, auditContext(req), req.workspace!.id, req.params.keyResultId, false)));

  app.get('/workspaces/:ws/key-results/:keyResultId/check-ins', {
    schema: {
      tags, summary: 'The latest check-ins of a key result, newest first (at most 1,000; nextCursor is always null)',
      params: KeyResultParams, response: { 200: listOf(CheckIn) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listCheckIns(db, req.workspace!.id, req.params.keyResultId));

  app.post('/workspaces/:ws/key-results/:keyResultId/check-ins', {
    schema: {
      tags, summary: 'Check in: record a new value with a comment and confidence (1–10); it becomes the current value',
      params: KeyResultParams, body: CreateCheckIn, response: { 201: CheckIn },
    },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const c = await db.transaction((tx) => createCheckIn(tx, auditContext(req), req.workspace!.id, req.params.keyResultId, req.body));
    return reply.code(201).send(c);
  });
};
