import { authRoutes } from './platform/auth/routes';
import type { RouteModule } from './platform/http/context';

/**
 * The route table: every area's routes, mounted under /api/v1. An area adds its module here,
 * and its routes to the authorisation matrix (server/platform/auth/matrix.test.ts).
 */
export const apiRoutes: RouteModule[] = [authRoutes];
