import type { AreaAccess } from '../../test/access';

const teams = '/api/v1/workspaces/:ws/teams';

export const teamAccess: AreaAccess = {
  routes: {
    [`GET ${teams}`]: 'viewer',
    [`POST ${teams}`]: 'admin',
    [`GET ${teams}/:teamId`]: 'viewer',
    [`PATCH ${teams}/:teamId`]: 'admin',
    [`POST ${teams}/:teamId/archive`]: 'admin',
    [`POST ${teams}/:teamId/restore`]: 'admin',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':teamId')) return;
    const team = await owner.request('POST', `${base}/teams`, { name: `Team ${Math.random().toString(36).slice(2)}` });
    params.teamId = (team.json as { id: string }).id;
  },
};
