import type { AreaAccess } from '../../test/access';

export const notificationAccess: AreaAccess = { routes: {} };
