import type { AreaAccess } from '../../test/access';

const W = '/api/v1/workspaces/:ws/webhooks';

export const webhookAccess: AreaAccess = {
  routes: {
    [`GET ${W}`]: 'admin',
    [`POST ${W}`]: 'admin',
    [`GET ${W}/:webhookId`]: 'admin',
    [`PATCH ${W}/:webhookId`]: 'admin',
    [`DELETE ${W}/:webhookId`]: 'admin',
    [`POST ${W}/:webhookId/rotate-secret`]: 'admin',
    [`POST ${W}/:webhookId/test`]: 'admin',
    [`GET ${W}/:webhookId/deliveries`]: 'admin',
    [`POST ${W}/:webhookId/deliveries/:deliveryId/redeliver`]: 'admin',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':webhookId')) return;
    // A private IP literal with allowPrivate: saved without a DNS lookup (nothing sends in these tests).
    const hook = await owner.request('POST', `${base}/webhooks`, { name: 'Fixture hook', url: 'http://10.255.255.9:9/hook', allowPrivate: true });
    const webhookId = String((hook.json as { id: string }).id);
    params.webhookId = webhookId;
    if (url.includes(':deliveryId')) {
      const ping = await owner.request('POST', `${base}/webhooks/${webhookId}/test`);
      params.deliveryId = String((ping.json as { id: string }).id);
    }
  },
};
