import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TBusinessUnit, TMember, TWorkspace } from '../../domain/platform/schemas';
import { wsPath } from '../app/workspace';
import { api, type Page } from '../ui/api';

/** The members of a workspace, by name (the first 200, the most one page holds). */
export const membersQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'members'],
    queryFn: () => api.get<Page<TMember>>(wsPath(ws, '/members?limit=200')),
  });

/** The business units of a workspace, archived ones included (lists filter them as they need). */
export const unitsQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'business-units'],
    queryFn: () => api.get<Page<TBusinessUnit>>(wsPath(ws, '/business-units?includeArchived=true&limit=200')),
  });

/** userId → name, for showing owners and heads. */
export function useMemberNames(ws: TWorkspace): Map<string, string> {
  const { data } = useQuery(membersQuery(ws));
  return useMemo(() => new Map((data?.items ?? []).map((m) => [m.userId, m.name])), [data]);
}

/** unitId → name. */
export function useUnitNames(ws: TWorkspace): Map<string, string> {
  const { data } = useQuery(unitsQuery(ws));
  return useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u.name])), [data]);
}

/** Options for a "person" select: the workspace's members. */
export function useMemberOptions(ws: TWorkspace) {
  const { data } = useQuery(membersQuery(ws));
  return useMemo(() => (data?.items ?? []).map((m) => ({ value: m.userId, label: m.name })), [data]);
}

/** Options for a "business unit" select: active units, plus `keep` even if archived (the current value). */
export function useUnitOptions(ws: TWorkspace, keep?: string | null) {
  const { data } = useQuery(unitsQuery(ws));
  return useMemo(
    () =>
      (data?.items ?? [])
        .filter((u) => !u.archivedAt || u.id === keep)
        .map((u) => ({ value: u.id, label: u.archivedAt ? `${u.name} (archived)` : u.name })),
    [data, keep],
  );
}
