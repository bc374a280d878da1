import type { AreaAccess } from '../../test/access';

export const webhookAccess: AreaAccess = { routes: {} };
