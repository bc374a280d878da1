import type { AreaAccess } from '../../test/access';

export const actionAccess: AreaAccess = { routes: {} };
