import type { RouteModule } from '../../platform/http/context';

// Owned by the watches work; filled in by it.
export const watchRoutes: RouteModule = () => {};
