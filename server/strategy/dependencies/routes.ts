import { z } from 'zod';
import { Id } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { CreateDependency, InitiativeDependency } from '../../../domain/strategy/dependencies';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { createDependency, deleteDependency } from './store';

const tags = ['Dependencies'];
const InitiativeParams = WorkspaceParams.extend({ initiativeId: Id });
const DependencyParams = WorkspaceParams.extend({ dependencyId: Id });

/** Finish-to-start dependencies between initiatives; listed on each initiative's page. */
export const dependencyRoutes: RouteModule = (app, { database: { db } }) => {
  app.post('/workspaces/:ws/initiatives/:initiativeId/dependencies', {
    schema: {
      tags,
      summary: 'Make this initiative depend on another (it starts only after that one\'s last day)',
      description:
        'Refused: the initiative itself, another workspace\'s or an archived one (400 on body.dependsOnId); a dependency that '
        + 'exists (409); one that would close a cycle (409 naming it, e.g. \'A\' → \'B\' → \'A\'); and one the present dates '
        + 'already break, this initiative starting on or before the other\'s end date (409; end dates are inclusive).',
      params: InitiativeParams, body: CreateDependency, response: { 201: InitiativeDependency },
    },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    const d = await db.transaction((tx) => createDependency(tx, auditContext(req), req.workspace!.id, req.params.initiativeId, req.body));
    return reply.code(201).send(d);
  });

  app.delete('/workspaces/:ws/initiative-dependencies/:dependencyId', {
    schema: { tags, summary: 'Remove a dependency (the audit log keeps it)', params: DependencyParams, response: { 204: z.undefined() } },
    config: { permission: 'strategy.write' },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteDependency(tx, auditContext(req), req.workspace!.id, req.params.dependencyId));
    return reply.code(204).send();
  });
};
