import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TGoal } from '../../../domain/strategy/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';
import type { StrategyFilters } from '../api';
import { type FieldSearch, withFieldFilters } from '../custom-fields/search';

/** The goal list's filters: the shared ones, a theme, and a parent goal (`none`: the top level). */
export interface GoalFilters extends StrategyFilters {
  themeId?: string;
  parentGoalId?: string;
  /** Custom field filters: an option by field id. */
  fields?: FieldSearch;
}

const PAGE = 50;
/** The most children one expanded goal shows (the API's page limit). */
export const CHILDREN_SHOWN = 200;

/** Pages of goals, newest first. Keys sit under ['ws', id, 'goals'] so strategy changes refresh them. */
export const goalListQuery = (ws: TWorkspace, filters: GoalFilters, limit = PAGE) =>
  infiniteQueryOptions({
    queryKey: ['ws', ws.id, 'goals', 'list', filters, limit],
    queryFn: ({ pageParam }) => {
      const { fields, ...rest } = filters;
      const path = wsPath(ws, '/goals') + qs({ ...rest, includeArchived: rest.includeArchived ? 'true' : undefined, limit, cursor: pageParam });
      return api.get<Page<TGoal>>(withFieldFilters(path, 'field', fields));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The goals directly below one goal (its first CHILDREN_SHOWN). */
export const goalChildrenQuery = (ws: TWorkspace, parentId: string, includeArchived = false) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'goals', 'children', parentId, includeArchived],
    queryFn: () =>
      api.get<Page<TGoal>>(wsPath(ws, '/goals') + qs({ parentGoalId: parentId, includeArchived: includeArchived ? 'true' : undefined, limit: CHILDREN_SHOWN })),
  });

/** Goals whose title contains `q`, for pickers. */
export const goalOptionsQuery = (ws: TWorkspace, q: string) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'goals', 'options', q],
    queryFn: () => api.get<Page<TGoal>>(wsPath(ws, '/goals') + qs({ q: q.trim(), limit: 50 })),
  });
