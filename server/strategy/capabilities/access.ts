import type { AreaAccess } from '../../test/access';

const caps = '/api/v1/workspaces/:ws/capabilities';

export const capabilityAccess: AreaAccess = {
  routes: {
    [`GET ${caps}`]: 'viewer',
    [`POST ${caps}`]: 'member',
    [`GET ${caps}/:capabilityId`]: 'viewer',
    [`PATCH ${caps}/:capabilityId`]: 'member',
    [`POST ${caps}/:capabilityId/archive`]: 'member',
    [`POST ${caps}/:capabilityId/restore`]: 'member',
    [`POST ${caps}/:capabilityId/links`]: 'member',
    'DELETE /api/v1/workspaces/:ws/capability-links/:linkId': 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':capabilityId') && !url.includes('/capability-links/')) return;
    const capability = await owner.request('POST', `${base}/capabilities`, { name: 'Fixture capability', currentMaturity: 2, targetMaturity: 4 });
    params.capabilityId = (capability.json as { id: string }).id;
    if (url.includes('/capability-links/')) {
      const goal = await owner.request('POST', `${base}/goals`, { title: 'Fixture goal for a capability' });
      const link = await owner.request('POST', `${base}/capabilities/${params.capabilityId}/links`, { goalId: (goal.json as { id: string }).id });
      params.linkId = (link.json as { id: string }).id;
    }
  },
};
