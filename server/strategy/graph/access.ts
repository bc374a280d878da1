import type { AreaAccess } from '../../test/access';

export const alignmentGraphAccess: AreaAccess = {
  routes: {
    'GET /api/v1/workspaces/:ws/alignment/graph': 'viewer',
  },
};
