import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TAlignmentGraph } from '../../../domain/strategy/graph';
import { wsPath } from '../../app/workspace';
import { api, qs } from '../../ui/api';

export interface GraphFilters {
  themeId?: string;
  businessUnitId?: string;
  goalId?: string;
  includeInactive?: boolean;
}

/** The alignment graph for the filters (under the workspace's key, so live updates refresh it). */
export const alignmentGraphQuery = (ws: TWorkspace, f: GraphFilters) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'alignment', 'graph', f],
    queryFn: () =>
      api.get<TAlignmentGraph>(
        wsPath(ws, '/alignment/graph') +
          qs({ themeId: f.themeId, businessUnitId: f.businessUnitId, goalId: f.goalId, includeInactive: f.includeInactive ? 'true' : undefined }),
      ),
    // Changing a filter keeps the old graph on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
