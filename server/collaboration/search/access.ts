import type { AreaAccess } from '../../test/access';

export const searchAccess: AreaAccess = {
  routes: { 'GET /api/v1/workspaces/:ws/search': 'viewer' },
};
