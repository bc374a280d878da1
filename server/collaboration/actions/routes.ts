import type { RouteModule } from '../../platform/http/context';

// Owned by the action-items work; filled in by it.
export const actionRoutes: RouteModule = () => {};
