import type { RouteModule } from '../../platform/http/context';

// Owned by the activity work; filled in by it.
export const activityRoutes: RouteModule = () => {};
