import { and, eq, inArray, sql } from 'drizzle-orm';
import { GOAL_TEMPLATES, goalTemplate, type TGoalTemplateImportResult, type TImportGoalTemplate } from '../../../domain/strategy/templates';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { presentGoal } from '../goals.store';
import { goals } from '../tables';

export function listGoalTemplates() {
  return { items: [...GOAL_TEMPLATES], nextCursor: null };
}


/**
 * Imports a template's goals into the workspace, parents first, in the caller's transaction.
 * A goal whose templateKey the workspace already has (archived or not) is skipped, and its
 * existing goal serves as parent of the template's goals under it; so importing again only
 * fills in what is missing. Each created goal is audited as goal.create.
 */
export async function importGoalTemplate(
  tx: Queryable, audit: AuditContext, workspaceId: string, templateId: string, input: TImportGoalTemplate,
): Promise<TGoalTemplateImportResult> {
  const template = goalTemplate(templateId);
  if (!template) throw notFound('Goal template');
  // Two imports at once into one workspace would otherwise race on the same keys.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('goal_template_import'), hashtext(${workspaceId}))`);
  const keys = template.goals.map((g) => g.templateKey);
  const existing = await tx
    .select({ id: goals.id, templateKey: goals.templateKey })
    .from(goals)
    .where(and(eq(goals.workspaceId, workspaceId), inArray(goals.templateKey, keys)));
  const idByKey = new Map(existing.map((g) => [g.templateKey!, g.id]));
  const keyOf = new Map(template.goals.map((g) => [g.code, g.templateKey]));
  const result: TGoalTemplateImportResult = { templateId, created: 0, skipped: 0, goals: [] };
  for (const g of template.goals) {
    const had = idByKey.get(g.templateKey);
    if (had) {
      result.skipped += 1;
      result.goals.push({ templateKey: g.templateKey, goalId: had, created: false });
      continue;
    }
    const parentGoalId = g.parentCode ? (idByKey.get(keyOf.get(g.parentCode)!) ?? null) : null;
    const [row] = await tx
      .insert(goals)
      .values({ workspaceId, title: g.title, description: g.description, status: input.status, weight: 50, templateKey: g.templateKey, parentGoalId })
      .returning();
    idByKey.set(g.templateKey, row!.id);
    result.created += 1;
    result.goals.push({ templateKey: g.templateKey, goalId: row!.id, created: true });
    // The same entry as POST /goals writes: readers of goal.create (activity, search, webhooks) see one shape.
    const after = presentGoal(row!, { linkCount: 0, keyResults: [], childCount: 0 });
    await recordAudit(tx, audit, { workspaceId, action: 'goal.create', entityType: 'goal', entityId: row!.id, after });
  }
  return result;
}
