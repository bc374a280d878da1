import type { RouteModule } from '../../platform/http/context';

// Owned by the search work; filled in by it.
export const searchRoutes: RouteModule = () => {};
