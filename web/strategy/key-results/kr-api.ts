import { queryOptions } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TCheckIn, TKeyResult } from '../../../domain/strategy/key-results';
import { wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';

// Keys sit under ['ws', id, 'goals'], so every strategy change (invalidateStrategy) refreshes them.

/** Every check-in of a key result, newest first. */
export const checkInsQuery = (ws: TWorkspace, keyResultId: string) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'goals', 'check-ins', keyResultId],
    queryFn: () => api.get<Page<TCheckIn>>(wsPath(ws, `/key-results/${keyResultId}/check-ins`)),
  });

/** A goal's key results, archived ones included (the goal page shows only live ones by itself). */
export const allKeyResultsQuery = (ws: TWorkspace, goalId: string) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'goals', 'key-results', goalId, 'all'],
    queryFn: () => api.get<Page<TKeyResult>>(wsPath(ws, `/goals/${goalId}/key-results?includeArchived=true`)),
  });

const valueFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

/** A key result's value with its unit: "98.5 %", "6 days". */
export function formatValue(value: number, unit: string): string {
  return `${valueFmt.format(value)}${unit ? ` ${unit}` : ''}`;
}
