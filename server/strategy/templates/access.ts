import type { AreaAccess } from '../../test/access';

export const goalTemplateAccess: AreaAccess = {
  routes: {
    'GET /api/v1/workspaces/:ws/goal-templates': 'viewer',
    'POST /api/v1/workspaces/:ws/goal-templates/:templateId/import': 'admin',
  },
  async fixtures(url, { params }) {
    if (url.includes(':templateId')) params.templateId = 'cobit2019';
  },
};
