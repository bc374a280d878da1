import { actionVerb, changedFields, snapshotTitle } from '../../../domain/collaboration/activity';
import type { AuditListener } from '../../platform/audit/record';
import { entityKind, findEntity } from '../entities';
import { notify } from '../notify';
import { startWatching, watchersOf } from './store';

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
  const title = snapshotTitle(change.after, change.before) ?? (await findEntity(tx, change.workspaceId, ref.entityType, ref.entityId))?.title ?? null;
  const fields = changedFields(change.before, change.after);
  await notify(tx, {
    workspaceId: change.workspaceId, kind: 'watch.change', recipients: watchers, actorUserId: actor,
    entity: { type: ref.entityType, id: ref.entityId },
    title: `${change.actorName ?? 'Someone'} ${actionVerb(change.action)} ${kind.label}${title ? ` “${title}”` : ''}`,
    body: fields.length > 0 ? `Changed: ${fields.join(', ')}` : '',
  });
};
