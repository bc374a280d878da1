import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNotification } from '../../../domain/collaboration/notifications';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { api, type Page, qs } from '../../ui/api';

export const notificationsKey = (ws: Pick<TWorkspace, 'id'>) => ['ws', ws.id, 'notifications'] as const;

export const unreadCountQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: [...notificationsKey(ws), 'unread-count'],
    queryFn: () => api.get<{ unread: number }>(`/workspaces/${ws.id}/notifications/unread-count`),
  });

export const notificationsQuery = (ws: TWorkspace, unread: boolean, limit = 30) =>
  infiniteQueryOptions({
    queryKey: [...notificationsKey(ws), 'list', unread, limit],
    queryFn: ({ pageParam }) =>
      api.get<Page<TNotification>>(`/workspaces/${ws.id}/notifications${qs({ unread: unread || undefined, limit, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Mark one notification read or unread, or all read (id omitted). */
export function useMarkRead(ws: TWorkspace) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, read }: { id?: string; read: boolean }) =>
      api.post<{ updated: number }>(`/workspaces/${ws.id}/notifications/${id ? `${id}/${read ? 'read' : 'unread'}` : 'read-all'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(ws) }),
  });
}
