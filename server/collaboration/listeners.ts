import { onAudit } from '../platform/audit/record';
import { publish } from '../platform/events/publish';
import { indexChange } from './search/index';
import { enqueueWebhookDeliveries } from './webhooks/enqueue';
import { watchListener } from './watches/listener';

/** Audit entries that are about a person's own access, not the workspace's data. */
const PRIVATE_TYPES = new Set(['session', 'api_token', 'user']);

/**
 * Wires the collaboration layer to every audited workspace change (once per process; calling
 * it again changes nothing): open pages hear of the change live, watchers are notified, the
 * search index follows, and webhooks get their deliveries queued.
 */
export function registerCollaborationListeners(): void {
  onAudit('live', async (tx, c) => {
    if (PRIVATE_TYPES.has(c.entityType)) return;
    await publish(tx, {
      workspaceId: c.workspaceId!, kind: 'change', action: c.action, entityType: c.entityType, entityId: c.entityId,
      actorUserId: c.ctx.actorUserId,
    });
  });
  onAudit('watches', watchListener);
  onAudit('search', indexChange);
  onAudit('webhooks', enqueueWebhookDeliveries);
}
