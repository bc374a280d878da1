import type { AreaAccess } from '../../test/access';

const ws = '/api/v1/workspaces/:ws';
const kr = `${ws}/key-results/:keyResultId`;

export const keyResultAccess: AreaAccess = {
  routes: {
    [`GET ${ws}/goals/:goalId/key-results`]: 'viewer',
    [`POST ${ws}/goals/:goalId/key-results`]: 'member',
    [`GET ${kr}`]: 'viewer',
    [`PATCH ${kr}`]: 'member',
    [`POST ${kr}/archive`]: 'member',
    [`POST ${kr}/restore`]: 'member',
    [`GET ${kr}/check-ins`]: 'viewer',
    [`POST ${kr}/check-ins`]: 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':keyResultId')) return;
    const goal = await owner.request('POST', `${base}/goals`, { title: 'Fixture goal with a key result' });
    const kr = await owner.request('POST', `${base}/goals/${(goal.json as { id: string }).id}/key-results`, { title: 'Fixture KR', baseline: 0, target: 10 });
    params.keyResultId = (kr.json as { id: string }).id;
  },
};
