import { infiniteQueryOptions } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TInitiative } from '../../../domain/strategy/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';
import type { StrategyFilters } from '../api';
import { type FieldSearch, withFieldFilters } from '../custom-fields/search';

/** The initiatives list's filters as the API takes them: the shared ones plus team, kind and risk level. */
export interface InitiativeFilters extends StrategyFilters {
  teamId?: string;
  kind?: TInitiative['kind'];
  riskLevel?: TInitiative['riskLevel'];
  /** Custom field filters: an option by field id. */
  fields?: FieldSearch;
}

/** Pages of initiatives under the same query key shape as the other strategy lists (so their refreshes reach it). */
export const initiativeListQuery = (ws: TWorkspace, filters: InitiativeFilters, limit = 50) =>
  infiniteQueryOptions({
    queryKey: ['ws', ws.id, 'initiatives', 'list', filters, limit],
    queryFn: ({ pageParam }) => {
      const { fields, ...rest } = filters;
      const path = wsPath(ws, '/initiatives') + qs({ ...rest, includeArchived: rest.includeArchived ? 'true' : undefined, limit, cursor: pageParam });
      return api.get<Page<TInitiative>>(withFieldFilters(path, 'field', fields));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
