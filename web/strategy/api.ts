import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TWorkspace } from '../../domain/platform/schemas';
import type { TGoal, TGoalDetail, TInitiative, TInitiativeDetail } from '../../domain/strategy/schemas';
import { wsPath } from '../app/workspace';
import { api, qs, type Page } from '../ui/api';

/** Filters of the goal and initiative lists, as the API takes them. */
export interface StrategyFilters {
  status?: string;
  businessUnitId?: string;
  ownerUserId?: string;
  q?: string;
  includeArchived?: boolean;
}

const PAGE = 50;

function listQuery<T>(ws: TWorkspace, kind: 'goals' | 'initiatives', filters: StrategyFilters, limit = PAGE) {
  return infiniteQueryOptions({
    queryKey: ['ws', ws.id, kind, 'list', filters, limit],
    queryFn: ({ pageParam }) =>
      api.get<Page<T>>(
        wsPath(ws, `/${kind}`) +
          qs({ ...filters, includeArchived: filters.includeArchived ? 'true' : undefined, limit, cursor: pageParam }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const goalsQuery = (ws: TWorkspace, filters: StrategyFilters, limit?: number) => listQuery<TGoal>(ws, 'goals', filters, limit);
export const initiativesQuery = (ws: TWorkspace, filters: StrategyFilters, limit?: number) =>
  listQuery<TInitiative>(ws, 'initiatives', filters, limit);

export const goalQuery = (ws: TWorkspace, id: string) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'goals', 'detail', id],
    queryFn: () => api.get<TGoalDetail>(wsPath(ws, `/goals/${id}`)),
  });

export const initiativeQuery = (ws: TWorkspace, id: string) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'initiatives', 'detail', id],
    queryFn: () => api.get<TInitiativeDetail>(wsPath(ws, `/initiatives/${id}`)),
  });

/** After a change to goals, initiatives or links: both sides show link counts, so refresh both. */
export function invalidateStrategy(queryClient: QueryClient, ws: TWorkspace) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'goals'] }),
    queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'initiatives'] }),
  ]);
}
