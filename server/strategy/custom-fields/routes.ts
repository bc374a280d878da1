import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import {
  CreateCustomField, CustomField, CustomFieldListQuery, CustomFieldValues, PutCustomFieldValues, UpdateCustomField,
} from '../../../domain/strategy/custom-fields';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { createCustomField, listCustomFields, putCustomFieldValues, setCustomFieldArchived, updateCustomField } from './store';

const tags = ['Custom fields'];
const FieldParams = WorkspaceParams.extend({ fieldId: Id });
const GoalParams = WorkspaceParams.extend({ goalId: Id });
const InitiativeParams = WorkspaceParams.extend({ initiativeId: Id });

const VALUES_HELP = 'Body `{ values: { <fieldId>: value | null } }`. Fields left out keep their value; null (or an empty text or list) clears one. '
  + 'Values by type: text (at most 2000 characters), number (finite), date (YYYY-MM-DD), single_choice (one of the options), '
  + 'multi_choice (a list of options, no duplicates), user (a member\'s user id). Every required field must have a value afterwards. '
  + 'Errors are reported at body.values.<fieldId>. Returns all of the item\'s values.';

/** Custom field definitions (admins) and the values on goals and initiatives (members). */
export const customFieldRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/custom-fields', {
    schema: {
      tags, summary: 'List custom field definitions',
      description: 'All fields (of one entity type with `?entityType=goal|initiative`), by entity type and position. Not paged: nextCursor is null.',
      params: WorkspaceParams, querystring: CustomFieldListQuery, response: { 200: listOf(CustomField) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listCustomFields(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/custom-fields', {
    schema: { tags, summary: 'Define a custom field', params: WorkspaceParams, body: CreateCustomField, response: { 201: CustomField } },
    config: { permission: 'strategy.manage' },
  }, async (req, reply) => {
    const field = await db.transaction((tx) => createCustomField(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(field);
  });

  app.patch('/workspaces/:ws/custom-fields/:fieldId', {
    schema: {
      tags, summary: 'Edit a custom field',
      description: 'The type cannot change once an item has a value for the field, and an option in use cannot be removed (409).',
      params: FieldParams, body: UpdateCustomField, response: { 200: CustomField },
    },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => updateCustomField(tx, auditContext(req), req.workspace!.id, req.params.fieldId, req.body)));

  app.post('/workspaces/:ws/custom-fields/:fieldId/archive', {
    schema: { tags, summary: 'Archive a custom field (its values are kept)', params: FieldParams, response: { 200: CustomField } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => setCustomFieldArchived(tx, auditContext(req), req.workspace!.id, req.params.fieldId, true)));

  app.post('/workspaces/:ws/custom-fields/:fieldId/restore', {
    schema: { tags, summary: 'Restore an archived custom field', params: FieldParams, response: { 200: CustomField } },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) => setCustomFieldArchived(tx, auditContext(req), req.workspace!.id, req.params.fieldId, false)));

  app.put('/workspaces/:ws/goals/:goalId/custom-fields', {
    schema: { tags, summary: 'Set a goal’s custom field values', description: VALUES_HELP, params: GoalParams, body: PutCustomFieldValues, response: { 200: CustomFieldValues } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => putCustomFieldValues(tx, auditContext(req), req.workspace!.id, 'goal', req.params.goalId, req.body.values)));

  app.put('/workspaces/:ws/initiatives/:initiativeId/custom-fields', {
    schema: {
      tags, summary: 'Set an initiative’s custom field values', description: VALUES_HELP, params: InitiativeParams, body: PutCustomFieldValues,
      response: { 200: CustomFieldValues },
    },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => putCustomFieldValues(tx, auditContext(req), req.workspace!.id, 'initiative', req.params.initiativeId, req.body.values)));
};
