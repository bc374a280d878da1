import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TActionItem, TActionStatus, TDueBucket } from '../../../domain/collaboration/actions';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';
import { notifyError } from '../../ui/notify';

/** Filters of the action-item list, as the API takes them. */
export interface ActionFilters {
  owner?: string;
  status?: TActionStatus[];
  sourceType?: string;
  sourceId?: string;
  due?: TDueBucket;
  q?: string;
  sort?: 'newest' | 'due';
  includeArchived?: boolean;
}

/** The reader's own calendar date, `YYYY-MM-DD`: due buckets count from the day they see. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every action-item query of a workspace starts with this key (live updates invalidate it). */
export const actionKey = (ws: TWorkspace) => ['action-items', ws.id] as const;

export const actionListQuery = (ws: TWorkspace, f: ActionFilters, limit = 100) =>
  infiniteQueryOptions({
    queryKey: [...actionKey(ws), 'list', f, limit],
    queryFn: ({ pageParam }) =>
      api.get<Page<TActionItem>>(
        wsPath(ws, '/action-items') +
          qs({
            ...f, status: f.status?.join(','), includeArchived: f.includeArchived ? 'true' : undefined,
            today: f.due ? localToday() : undefined, limit, cursor: pageParam,
          }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const actionItemQuery = (ws: TWorkspace, id: string) =>
  queryOptions({
    queryKey: [...actionKey(ws), 'detail', id],
    queryFn: () => api.get<TActionItem>(wsPath(ws, `/action-items/${id}`)),
  });

export function invalidateActions(queryClient: QueryClient, ws: TWorkspace) {
  return queryClient.invalidateQueries({ queryKey: actionKey(ws) });
}

/** Quick changes from a row: status, archive, restore. */
export function useActionChange(ws: TWorkspace) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: { status: TActionStatus } | 'archive' | 'restore' }) =>
      typeof change === 'string'
        ? api.post<TActionItem>(wsPath(ws, `/action-items/${id}/${change}`))
        : api.patch<TActionItem>(wsPath(ws, `/action-items/${id}`), change),
    onSettled: () => invalidateActions(queryClient, ws),
    onError: (e) => notifyError(e, 'Could not change the action item'),
  });
}
