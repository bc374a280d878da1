import { Id, listOf } from '../../../domain/common';
import {
  BusinessUnit, BusinessUnitQuery, CreateBusinessUnit, UpdateBusinessUnit, WorkspaceParams,
} from '../../../domain/platform/schemas';
import { auditContext } from '../audit/record';
import type { RouteModule } from '../http/context';
import {
  createBusinessUnit, getBusinessUnit, listBusinessUnits, presentBusinessUnit, setBusinessUnitArchived, updateBusinessUnit,
} from './store';

const tags = ['Business units'];
const UnitParams = WorkspaceParams.extend({ unitId: Id });

/** The business units of a workspace, with their head, IT liaison and sponsor. */
export const businessUnitRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/business-units', {
    schema: {
      tags, summary: 'Business units by name; archived ones with ?includeArchived=true',
      params: WorkspaceParams, querystring: BusinessUnitQuery, response: { 200: listOf(BusinessUnit) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => listBusinessUnits(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/business-units', {
    schema: {
      tags, summary: 'Create a business unit; head, liaison and sponsor must be members',
      params: WorkspaceParams, body: CreateBusinessUnit, response: { 201: BusinessUnit },
    },
    config: { permission: 'business-units.write' },
  }, async (req, reply) => {
    const u = await db.transaction((tx) => createBusinessUnit(tx, auditContext(req), req.workspace!.id, req.body));
    reply.code(201);
    return presentBusinessUnit(u);
  });

  app.get('/workspaces/:ws/business-units/:unitId', {
    schema: { tags, summary: 'One business unit', params: UnitParams, response: { 200: BusinessUnit } },
    config: { permission: 'workspace.read' },
  }, async (req) => presentBusinessUnit(await getBusinessUnit(db, req.workspace!.id, req.params.unitId)));

  app.patch('/workspaces/:ws/business-units/:unitId', {
    schema: { tags, summary: 'Change a business unit (not while archived)', params: UnitParams, body: UpdateBusinessUnit, response: { 200: BusinessUnit } },
    config: { permission: 'business-units.write' },
  }, async (req) => {
    const u = await db.transaction((tx) => updateBusinessUnit(tx, auditContext(req), req.workspace!.id, req.params.unitId, req.body));
    return presentBusinessUnit(u);
  });

  app.post('/workspaces/:ws/business-units/:unitId/archive', {
    schema: { tags, summary: 'Archive a business unit', params: UnitParams, response: { 200: BusinessUnit } },
    config: { permission: 'business-units.write' },
  }, async (req) => {
    const u = await db.transaction((tx) => setBusinessUnitArchived(tx, auditContext(req), req.workspace!.id, req.params.unitId, true));
    return presentBusinessUnit(u);
  });

  app.post('/workspaces/:ws/business-units/:unitId/restore', {
    schema: { tags, summary: 'Restore an archived business unit', params: UnitParams, response: { 200: BusinessUnit } },
    config: { permission: 'business-units.write' },
  }, async (req) => {
    const u = await db.transaction((tx) => setBusinessUnitArchived(tx, auditContext(req), req.workspace!.id, req.params.unitId, false));
    return presentBusinessUnit(u);
  });
};
