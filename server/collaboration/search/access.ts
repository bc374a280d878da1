import type { AreaAccess } from '../../test/access';

export const searchAccess: AreaAccess = { routes: {} };
