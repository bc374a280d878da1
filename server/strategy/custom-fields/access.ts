import type { AreaAccess } from '../../test/access';

const fields = '/api/v1/workspaces/:ws/custom-fields';

export const customFieldAccess: AreaAccess = {
  routes: {
    [`GET ${fields}`]: 'viewer',
    [`POST ${fields}`]: 'admin',
    [`PATCH ${fields}/:fieldId`]: 'admin',
    [`POST ${fields}/:fieldId/archive`]: 'admin',
    [`POST ${fields}/:fieldId/restore`]: 'admin',
    'PUT /api/v1/workspaces/:ws/goals/:goalId/custom-fields': 'member',
    'PUT /api/v1/workspaces/:ws/initiatives/:initiativeId/custom-fields': 'member',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':fieldId')) return;
    const label = `Fixture field ${Math.random().toString(36).slice(2)}`;
    const field = await owner.request('POST', `${base}/custom-fields`, { entityType: 'goal', label, type: 'text' });
    params.fieldId = (field.json as { id: string }).id;
  },
};
