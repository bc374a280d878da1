import type { RouteModule } from '../../platform/http/context';

// Owned by the e-mail work; filled in by it.
export const emailRoutes: RouteModule = () => {};
