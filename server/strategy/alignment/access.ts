import type { AreaAccess } from '../../test/access';

const base = '/api/v1/workspaces/:ws/alignment';

/** Alignment only reads: every member of the workspace, viewers included. */
export const alignmentAccess: AreaAccess = {
  routes: {
    [`GET ${base}/summary`]: 'viewer',
    [`GET ${base}/matrix`]: 'viewer',
  },
};
