import type { RouteModule } from '../../platform/http/context';

// Owned by the webhooks work; filled in by it.
export const webhookRoutes: RouteModule = () => {};
