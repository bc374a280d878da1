import { z } from 'zod';
import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import {
  Capability, CapabilityLink, CapabilityListQuery, CreateCapability, CreateCapabilityLink, UpdateCapability,
} from '../../../domain/strategy/capabilities';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import {
  createCapability, createCapabilityLink, deleteCapabilityLink, getCapability, listCapabilities, setCapabilityArchived, updateCapability,
} from './store';

const tags = ['Capabilities'];
const CapabilityParams = WorkspaceParams.extend({ capabilityId: Id });
const LinkParams = WorkspaceParams.extend({ linkId: Id });

/** The business capability map: a tree of capabilities with maturity and gap, linked to goals and initiatives. */
export const capabilityRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/capabilities', {
    schema: {
      tags, summary: 'The capability tree',
      description: 'Every capability in tree order (depth first, siblings by position then name), with its depth, gap (target − current), '
        + 'roll-up over its sub-capabilities (largest gap, mean maturities) and linked goals and initiatives. Not paged: nextCursor is null.',
      params: WorkspaceParams, querystring: CapabilityListQuery, response: { 200: listOf(Capability) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listCapabilities(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/capabilities', {
    schema: { tags, summary: 'Create a capability', params: WorkspaceParams, body: CreateCapability, response: { 201: Capability } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const created = await db.transaction((tx) => createCapability(tx, auditContext(req), req.workspace!.id, req.body));
    return reply.code(201).send(created);
  });

  app.get('/workspaces/:ws/capabilities/:capabilityId', {
    schema: { tags, summary: 'A capability with its links and roll-up', params: CapabilityParams, response: { 200: Capability } },
    config: { permission: 'workspace.read' },
  }, async (req) => getCapability(db, req.workspace!.id, req.params.capabilityId));

  app.patch('/workspaces/:ws/capabilities/:capabilityId', {
    schema: { tags, summary: 'Edit a capability (or move it in the tree)', params: CapabilityParams, body: UpdateCapability, response: { 200: Capability } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => updateCapability(tx, auditContext(req), req.workspace!.id, req.params.capabilityId, req.body)));

  app.post('/workspaces/:ws/capabilities/:capabilityId/archive', {
    schema: { tags, summary: 'Archive a capability (one without live sub-capabilities)', params: CapabilityParams, response: { 200: Capability } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setCapabilityArchived(tx, auditContext(req), req.workspace!.id, req.params.capabilityId, true)));

  app.post('/workspaces/:ws/capabilities/:capabilityId/restore', {
    schema: { tags, summary: 'Restore an archived capability', params: CapabilityParams, response: { 200: Capability } },
    config: { permission: 'strategy.write' },
  }, async (req) => db.transaction((tx) => setCapabilityArchived(tx, auditContext(req), req.workspace!.id, req.params.capabilityId, false)));

  app.post('/workspaces/:ws/capabilities/:capabilityId/links', {
    schema: {
      tags, summary: 'Link a capability to a goal or an initiative',
      description: 'Body `{ goalId }` or `{ initiativeId }`, exactly one. Linking the same pair twice is a 409.',
      params: CapabilityParams, body: CreateCapabilityLink, response: { 201: CapabilityLink },
    },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const link = await db.transaction((tx) => createCapabilityLink(tx, auditContext(req), req.workspace!.id, req.params.capabilityId, req.body));
    return reply.code(201).send(link);
  });

  app.delete('/workspaces/:ws/capability-links/:linkId', {
    schema: { tags, summary: 'Remove a capability link', params: LinkParams, response: { 204: z.undefined() } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteCapabilityLink(tx, auditContext(req), req.workspace!.id, req.params.linkId));
    return reply.code(204).send();
  });
};
