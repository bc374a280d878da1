import type { AreaAccess } from '../../test/access';

const roadmap = '/api/v1/workspaces/:ws/roadmap';

export const roadmapAccess: AreaAccess = {
  routes: {
    [`GET ${roadmap}`]: 'viewer',
    [`GET ${roadmap}.csv`]: 'viewer',
    [`GET ${roadmap}/shares`]: 'admin',
    [`POST ${roadmap}/shares`]: 'admin',
    [`POST ${roadmap}/shares/:shareId/revoke`]: 'admin',
    'GET /api/v1/public/roadmaps/:token': 'public',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':shareId') && !url.startsWith('/api/v1/public/roadmaps/')) return;
    const share = (await owner.request('POST', `${base}/roadmap/shares`, { name: 'Fixture share' })).json as { id: string; url: string };
    params.shareId = share.id;
    // The share's secret (the last segment of its URL), in place of the invitation token the matrix makes for :token.
    if (url.startsWith('/api/v1/public/roadmaps/')) params.token = share.url.split('/').pop()!;
  },
};
