import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TTeam } from '../../../domain/platform/teams';
import { wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';

/** The teams of a workspace, archived ones included (pages filter them as they need). */
export const teamsQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'teams'],
    queryFn: () => api.get<Page<TTeam>>(wsPath(ws, '/teams?includeArchived=true&limit=200')),
  });

/** teamId → name. */
export function useTeamNames(ws: TWorkspace): Map<string, string> {
  const { data } = useQuery(teamsQuery(ws));
  return useMemo(() => new Map((data?.items ?? []).map((t) => [t.id, t.name])), [data]);
}

/** Options for a "team" select: active teams, plus `keep` even if archived (the current value). */
export function useTeamOptions(ws: TWorkspace, keep?: string | null) {
  const { data } = useQuery(teamsQuery(ws));
  return useMemo(
    () =>
      (data?.items ?? [])
        .filter((t) => !t.archivedAt || t.id === keep)
        .map((t) => ({ value: t.id, label: t.archivedAt ? `${t.name} (archived)` : t.name })),
    [data, keep],
  );
}
