import type { RouteModule } from '../../platform/http/context';

// Owned by the comments work; filled in by it.
export const commentRoutes: RouteModule = () => {};
