import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { TComment, TWatchState } from '../../../domain/collaboration/comments';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';

/** Query keys: the lead's live-event handler invalidates these prefixes. */
export const commentKeys = {
  entity: (ws: TWorkspace, type: string, id: string) => ['comments', ws.id, type, id] as const,
  watch: (ws: TWorkspace, type: string, id: string) => ['watches', ws.id, type, id] as const,
};

export const commentsQuery = (ws: TWorkspace, type: string, id: string) =>
  infiniteQueryOptions({
    queryKey: commentKeys.entity(ws, type, id),
    queryFn: ({ pageParam }) =>
      api.get<Page<TComment>>(wsPath(ws, '/comments') + qs({ entityType: type, entityId: id, limit: 50, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const watchQuery = (ws: TWorkspace, type: string, id: string) =>
  queryOptions({
    queryKey: commentKeys.watch(ws, type, id),
    queryFn: () => api.get<TWatchState>(wsPath(ws, '/watches') + qs({ entityType: type, entityId: id })),
  });

export const putWatch = (ws: TWorkspace, type: string, id: string) =>
  api.put<TWatchState>(wsPath(ws, '/watches'), { entityType: type, entityId: id });

export const deleteWatch = (ws: TWorkspace, type: string, id: string) =>
  api.delete<TWatchState>(wsPath(ws, '/watches') + qs({ entityType: type, entityId: id }));
