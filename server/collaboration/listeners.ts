import { onAudit } from '../platform/audit/record';
import { publish } from '../platform/events/publish';
import { sharedWithMembers } from './entities';
import { indexChange } from './search/index';
import { enqueueWebhookDeliveries } from './webhooks/enqueue';
import { watchListener } from './watches/listener';

/**
 * Wires the collaboration layer to every audited workspace change (once per process; calling
 * it again changes nothing): open pages hear of the change live, watchers are notified, the
 * search index follows, and webhooks get their deliveries queued.
 */
export function registerCollaborationListeners(): void {
  onAudit('live', async (tx, c) => {
    if (!sharedWithMembers(c.entityType)) return;
    await publish(tx, {
      workspaceId: c.workspaceId!, kind: 'change', action: c.action, entityType: c.entityType, entityId: c.entityId,
      actorUserId: c.ctx.actorUserId,
    });
  });
  onAudit('watches', watchListener);
  onAudit('search', indexChange);
  onAudit('webhooks', enqueueWebhookDeliveries);
}
