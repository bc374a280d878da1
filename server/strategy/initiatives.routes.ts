import { Id, listOf } from '../../domain/common';
import { CreateInitiative, Initiative, InitiativeDetail, InitiativeListQuery, UpdateInitiative } from '../../domain/strategy/schemas';
import { auditContext } from '../platform/audit/record';
import { WorkspaceParams } from '../../domain/platform/schemas';
import type { RouteModule } from '../platform/http/context';
import { resolveFieldFilters } from './custom-fields/filters';
import { createInitiative, getInitiative, listInitiatives, setInitiativeArchived, updateInitiative } from './initiatives.store';

const tags = ['Initiatives'];
const InitiativeParams = WorkspaceParams.extend({ initiativeId: Id });

/** IT initiatives: list, create, read, edit, archive and restore. */
export const initiativeRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/initiatives', {
    schema: { tags, summary: 'List initiatives, newest first; filter by custom fields with field=<fieldId>:<value> (repeatable, all must match)', params: WorkspaceParams, querystring: InitiativeListQuery, response: { 200: listOf(Initiative) } },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { limit, cursor, field, ...filter } = req.query;
    const customFields = await resolveFieldFilters(db, req.workspace!.id, 'initiative', field, 'field');
    return listInitiatives(db, req.workspace!.id, { ...filter, customFields }, limit, cursor);
  });

  app.post('/workspaces/:ws/initiatives', {
    schema: { tags, summary: 'Create an initiative', params: WorkspaceParams, body: CreateInitiative, response: { 201: Initiative } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const initiative = await db.transaction((tx) => createInitiative(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(initiative);
  });

  app.get('/workspaces/:ws/initiatives/:initiativeId', {
    schema: { tags, summary: 'An initiative with the goals it serves, its milestones and its dependencies both ways', params: InitiativeParams, response: { 200: InitiativeDetail } },
    config: { permission: 'workspace.read' },
  }, async (req) => getInitiative(db, req.workspace!.id, req.params.initiativeId));

  app.patch('/workspaces/:ws/initiatives/:initiativeId', {
    schema: {
      tags,
      summary: 'Edit an initiative',
      description:
        'New dates must keep finish-to-start with the live initiatives it depends on (start after the last day of each: end dates '
        + 'are inclusive) and those depending on it (end before the day each one starts), and keep its milestones inside them; '
        + 'otherwise a 409 names what is in the way and nothing changes; only the dates sent and changed are checked. Moving both '
        + 'dates by the same number of days moves the milestones along.',
      params: InitiativeParams, body: UpdateInitiative, response: { 200: Initiative },
    },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateInitiative(tx, auditContext(req), req.workspace!.id, req.params.initiativeId, req.body)));

  app.post('/workspaces/:ws/initiatives/:initiativeId/archive', {
    schema: { tags, summary: 'Archive an initiative (hidden from lists, kept with its links)', params: InitiativeParams, response: { 200: Initiative } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setInitiativeArchived(tx, auditContext(req), req.workspace!.id, req.params.initiativeId, true)));

  app.post('/workspaces/:ws/initiatives/:initiativeId/restore', {
    schema: { tags, summary: 'Restore an archived initiative', params: InitiativeParams, response: { 200: Initiative } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setInitiativeArchived(tx, auditContext(req), req.workspace!.id, req.params.initiativeId, false)));
};
