import type { AreaAccess } from '../../test/access';

const items = '/api/v1/workspaces/:ws/action-items';

export const actionAccess: AreaAccess = {
  routes: {
    [`GET ${items}`]: 'viewer',
    [`POST ${items}`]: 'member',
    [`GET ${items}/:actionItemId`]: 'viewer',
    [`PATCH ${items}/:actionItemId`]: 'member',
    [`POST ${items}/:actionItemId/archive`]: 'member',
    [`POST ${items}/:actionItemId/restore`]: 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':actionItemId')) return;
    const item = await owner.request('POST', `${base}/action-items`, { title: 'Fixture action item' });
    params.actionItemId = (item.json as { id: string }).id;
  },
};
