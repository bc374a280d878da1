import type { AreaAccess } from '../../test/access';

const ws = '/api/v1/workspaces/:ws';

export const dependencyAccess: AreaAccess = {
  routes: {
    [`POST ${ws}/initiatives/:initiativeId/dependencies`]: 'member',
    [`DELETE ${ws}/initiative-dependencies/:dependencyId`]: 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':dependencyId')) return;
    const make = async (title: string) => ((await owner.request('POST', `${base}/initiatives`, { title })).json as { id: string }).id;
    const [a, b] = [await make('Dependent fixture'), await make('Prerequisite fixture')];
    const d = await owner.request('POST', `${base}/initiatives/${a}/dependencies`, { dependsOnId: b });
    params.dependencyId = (d.json as { id: string }).id;
  },
};
