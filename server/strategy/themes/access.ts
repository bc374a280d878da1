import type { AreaAccess } from '../../test/access';

const ws = '/api/v1/workspaces/:ws';

export const themeAccess: AreaAccess = {
  routes: {
    [`GET ${ws}/vision`]: 'viewer',
    [`PUT ${ws}/vision`]: 'admin',
    [`GET ${ws}/themes`]: 'viewer',
    [`POST ${ws}/themes`]: 'admin',
    [`GET ${ws}/themes/:themeId`]: 'viewer',
    [`PATCH ${ws}/themes/:themeId`]: 'admin',
    [`POST ${ws}/themes/:themeId/archive`]: 'admin',
    [`POST ${ws}/themes/:themeId/restore`]: 'admin',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':themeId')) return;
    const theme = await owner.request('POST', `${base}/themes`, { name: `Fixture theme ${Math.random().toString(36).slice(2)}` });
    params.themeId = (theme.json as { id: string }).id;
  },
};
