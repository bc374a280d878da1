import { z } from 'zod';
import { Id, IsoDateTime, ListQuery } from '../common';
import { WorkspaceParams } from '../platform/schemas';

/** One notification in the caller's notification centre. */
export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** App path below /w/<workspace>, or '' when there is nothing to open. */
  link: z.string(),
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  entityType: z.string().nullable(),
  entityId: Id.nullable(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type TNotification = z.infer<typeof Notification>;

export const NotificationListQuery = ListQuery.extend({
  unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('only unread ones'),
});

export const NotificationParams = WorkspaceParams.extend({ notificationId: Id });
export const UnreadCount = z.object({ unread: z.number().int() });
export const MarkedRead = z.object({ updated: z.number().int() });
