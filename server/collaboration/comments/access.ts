import type { AreaAccess } from '../../test/access';

export const commentAccess: AreaAccess = { routes: {} };
