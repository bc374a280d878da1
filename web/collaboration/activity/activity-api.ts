import { infiniteQueryOptions } from '@tanstack/react-query';
import type { TActivityItem } from '../../../domain/collaboration/activity';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';

export interface ActivityFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string | null;
}

/** Key ['activity', ws.id, filter]: the lead's live events invalidate ['activity', ws.id]. */
export const activityQuery = (ws: TWorkspace, f: ActivityFilter) =>
  infiniteQueryOptions({
    queryKey: ['activity', ws.id, f.entityType ?? null, f.entityId ?? null, f.actorUserId ?? null],
    queryFn: ({ pageParam }) =>
      api.get<Page<TActivityItem>>(
        wsPath(ws, '/activity') + qs({ entityType: f.entityType, entityId: f.entityId, actorUserId: f.actorUserId, limit: 30, cursor: pageParam }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
