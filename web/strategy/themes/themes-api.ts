import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TTheme, TVision } from '../../../domain/strategy/themes';
import { wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';

/** The workspace vision. */
export const visionQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'vision'],
    queryFn: () => api.get<TVision>(wsPath(ws, '/vision')),
  });

/** Every theme, archived ones included (a small set: pages and selects filter as they need). */
export const themesQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: ['ws', ws.id, 'themes'],
    queryFn: () => api.get<Page<TTheme>>(wsPath(ws, '/themes?includeArchived=true')),
  });

/** themeId → theme, for badges. */
export function useThemes(ws: TWorkspace): Map<string, TTheme> {
  const { data } = useQuery(themesQuery(ws));
  return useMemo(() => new Map((data?.items ?? []).map((t) => [t.id, t])), [data]);
}

/** Options for a theme select: live themes, plus `keep` even if archived (the current value). */
export function useThemeOptions(ws: TWorkspace, keep?: string | null) {
  const { data } = useQuery(themesQuery(ws));
  return useMemo(
    () =>
      (data?.items ?? [])
        .filter((t) => !t.archivedAt || t.id === keep)
        .map((t) => ({ value: t.id, label: t.archivedAt ? `${t.name} (archived)` : t.name })),
    [data, keep],
  );
}

/** After a change to themes: their figures show on goals too. */
export function invalidateThemes(queryClient: QueryClient, ws: TWorkspace) {
  return queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'themes'] });
}
