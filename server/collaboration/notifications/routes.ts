import type { RouteModule } from '../../platform/http/context';

// Owned by the notifications work; filled in by it.
export const notificationRoutes: RouteModule = () => {};
