import type { AreaAccess } from '../../test/access';

export const emailAccess: AreaAccess = { routes: {} };
