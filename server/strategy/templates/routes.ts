import { z } from 'zod';
import { listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { GoalTemplateImportResult, GoalTemplateSchema, ImportGoalTemplate } from '../../../domain/strategy/templates';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import { importGoalTemplate, listGoalTemplates } from './store';

const tags = ['Goal templates'];
const TemplateParams = WorkspaceParams.extend({ templateId: z.string().min(1).max(100) });

/** Built-in goal templates (the COBIT 2019 goals cascade) and importing one into the workspace's goals. */
export const goalTemplateRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/goal-templates', {
    schema: { tags, summary: 'List the built-in goal templates with their goals', params: WorkspaceParams, response: { 200: listOf(GoalTemplateSchema) } },
    config: { permission: 'workspace.read' },
  }, async () => listGoalTemplates());

  app.post('/workspaces/:ws/goal-templates/:templateId/import', {
    schema: {
      tags, summary: 'Import a template’s goals',
      description: 'Creates the template\'s goals (parents first, with status `status`, draft by default, and weight 50) in one transaction. '
        + 'Goals whose templateKey the workspace already has, archived ones included, are skipped: importing again only adds what is missing.',
      params: TemplateParams, body: ImportGoalTemplate.nullish(), response: { 200: GoalTemplateImportResult },
    },
    config: { permission: 'strategy.manage' },
  }, async (req) => db.transaction((tx) =>
    importGoalTemplate(tx, auditContext(req), req.workspace!.id, req.params.templateId, req.body ?? { status: 'draft' })));
};
