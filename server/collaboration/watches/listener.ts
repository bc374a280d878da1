import { eq } from 'drizzle-orm';
import { actionVerb, changedFields } from '../../../domain/collaboration/activity';
import type { AuditListener } from '../../platform/audit/record';
import { users } from '../../platform/tables';
import { entityKind, findEntity } from '../entities';
import { notify } from '../notify';
import { startWatching, watchersOf } from './store';

/** A title from an audit snapshot ({title} or {name}), when it has one. */
function snapshotTitle(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (typeof s !== 'object' || s === null) continue;
    const { title, name } = s as { title?: unknown; name?: unknown };
    if (typeof title === 'string') return title;
    if (typeof name === 'string') return name;
  }
  return null;
}

/**
 * For every audited change of a registered kind of item (not comments, which notify on their
 * own): whoever creates an item starts watching it, and a change tells the item's other
 * watchers what changed ('watch.change'). Register with onAudit('watches', watchListener).
 */
export const watchListener: AuditListener = async (tx, change) => {
  const kind = entityKind(change.entityType);
  if (!kind || change.workspaceId === null) return;
  const ref = { entityType: change.entityType, entityId: change.entityId };
  const actor = change.ctx.actorUserId;
  if (change.action.endsWith('.create')) {
    if (actor) await startWatching(tx, change.workspaceId, actor, ref);
    return;
  }
  const watchers = (await watchersOf(tx, change.workspaceId, ref)).filter((u) => u !== actor);
  if (watchers.length === 0) return;
  const [who] = actor ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor)) : [];
  const title = snapshotTitle(change.after, change.before) ?? (await findEntity(tx, change.workspaceId, ref.entityType, ref.entityId))?.title ?? null;
  const fields = changedFields(change.before, change.after);
  await notify(tx, {
    workspaceId: change.workspaceId, kind: 'watch.change', recipients: watchers, actorUserId: actor,
    entity: { type: ref.entityType, id: ref.entityId },
    title: `${who?.name ?? 'Someone'} ${actionVerb(change.action)} ${kind.label}${title ? ` “${title}”` : ''}`,
    body: fields.length > 0 ? `Changed: ${fields.join(', ')}` : '',
  });
};
