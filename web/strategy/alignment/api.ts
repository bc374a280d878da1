import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TAlignmentMatrix, TAlignmentMatrixQuery, TAlignmentSummary } from '../../../domain/strategy/alignment';
import type { TGoalLink, TLinkStrength } from '../../../domain/strategy/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, qs } from '../../ui/api';
import { notifyError } from '../../ui/notify';
import { invalidateStrategy } from '../api';
import { type FieldSearch, withFieldFilters } from '../custom-fields/search';

/** Every alignment query of a workspace sits under this key (summary and matrix). */
export const alignmentKey = (ws: Pick<TWorkspace, 'id'>) => ['ws', ws.id, 'alignment'] as const;

/** A unit or theme filter: an id, `none` (without one), or everything when absent. */
export interface SummaryFilters {
  businessUnitId?: string;
  themeId?: string;
}

export const summaryQuery = (ws: TWorkspace, f: SummaryFilters) =>
  queryOptions({
    queryKey: [...alignmentKey(ws), 'summary', f],
    queryFn: () => api.get<TAlignmentSummary>(wsPath(ws, '/alignment/summary') + qs({ ...f, limit: 50 })),
    placeholderData: keepPreviousData,
  });

/** The matrix request (domain/strategy/alignment.ts AlignmentMatrixQuery). */
export interface MatrixParams {
  businessUnitId?: string;
  themeId?: string;
  goalStatus?: TAlignmentMatrixQuery['goalStatus'];
  initiativeStatus?: TAlignmentMatrixQuery['initiativeStatus'];
  goalQ?: string;
  initiativeQ?: string;
  linkedOnly?: boolean;
  goalSort?: TAlignmentMatrixQuery['goalSort'];
  initiativeSort?: TAlignmentMatrixQuery['initiativeSort'];
  /** Custom field filters (goalField / initiativeField): an option by field id. */
  goalFields?: FieldSearch;
  initiativeFields?: FieldSearch;
  goalLimit: number;
  initiativeLimit: number;
  goalOffset: number;
  initiativeOffset: number;
}

export const matrixQuery = (ws: TWorkspace, p: MatrixParams) =>
  queryOptions({
    queryKey: [...alignmentKey(ws), 'matrix', p],
    queryFn: () => {
      const { goalFields, initiativeFields, ...rest } = p;
      const path = wsPath(ws, '/alignment/matrix') + qs({ ...rest, linkedOnly: rest.linkedOnly ? 'true' : undefined });
      return api.get<TAlignmentMatrix>(withFieldFilters(withFieldFilters(path, 'goalField', goalFields), 'initiativeField', initiativeFields));
    },
    placeholderData: keepPreviousData,
  });

/** After a link changed: the figures, the matrix and both sides' link counts. */
export function invalidateAlignment(queryClient: QueryClient, ws: TWorkspace) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: alignmentKey(ws) }), invalidateStrategy(queryClient, ws)]);
}

export type CellChange =
  | { kind: 'create'; goalId: string; initiativeId: string; strength: TLinkStrength; rationale: string }
  | { kind: 'update'; linkId: string; strength: TLinkStrength; rationale: string }
  | { kind: 'delete'; linkId: string };

/** Links, unlinks or changes a link from the matrix (through the goal-links routes). */
export function useCellChange(onDone: (change: CellChange, link: TGoalLink | void) => void) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (c: CellChange): Promise<TGoalLink | void> => {
      if (c.kind === 'create') {
        return api.post<TGoalLink>(wsPath(ws, '/goal-links'), { goalId: c.goalId, initiativeId: c.initiativeId, strength: c.strength, rationale: c.rationale });
      }
      if (c.kind === 'update') return api.patch<TGoalLink>(wsPath(ws, `/goal-links/${c.linkId}`), { strength: c.strength, rationale: c.rationale });
      return api.delete(wsPath(ws, `/goal-links/${c.linkId}`));
    },
    onSuccess: async (link, change) => {
      onDone(change, link);
      await invalidateAlignment(queryClient, ws);
    },
    onError: (e) => notifyError(e, 'Could not change the link'),
  });
}
