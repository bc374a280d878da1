import type { AreaAccess } from '../../test/access';

const ws = '/api/v1/workspaces/:ws';

export const milestoneAccess: AreaAccess = {
  routes: {
    [`GET ${ws}/initiatives/:initiativeId/milestones`]: 'viewer',
    [`POST ${ws}/initiatives/:initiativeId/milestones`]: 'member',
    [`PATCH ${ws}/milestones/:milestoneId`]: 'member',
    [`DELETE ${ws}/milestones/:milestoneId`]: 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':milestoneId')) return;
    const ini = await owner.request('POST', `${base}/initiatives`, { title: 'Milestone fixture initiative' });
    const m = await owner.request('POST', `${base}/initiatives/${(ini.json as { id: string }).id}/milestones`, { title: 'Fixture milestone', dueDate: '2026-06-30' });
    params.milestoneId = (m.json as { id: string }).id;
  },
};
