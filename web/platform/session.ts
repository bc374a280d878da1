import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { TMe, TWorkspace } from '../../domain/platform/schemas';
import { api } from '../ui/api';

/** Whether the first-run setup is still to be done; it never turns back to true. */
export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.get<{ needsSetup: boolean }>('/setup'),
  staleTime: Infinity,
});

/** The signed-in user and their workspaces. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get<TMe>('/me'),
  staleTime: 60_000,
});

/** The signed-in user, inside the signed-in part of the app (loaded before it renders). */
export function useMe(): TMe {
  return useSuspenseQuery(meQuery).data;
}

const LAST_WORKSPACE = 'tandem:last-workspace';

export function rememberWorkspace(slug: string) {
  try {
    localStorage.setItem(LAST_WORKSPACE, slug);
  } catch {
    // storage may be unavailable (private mode); the choice is a convenience only
  }
}

/** The workspace to open by default: the last one visited, else the first active one. */
export function defaultWorkspace(workspaces: TWorkspace[]): TWorkspace | undefined {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_WORKSPACE);
  } catch {
    last = null;
  }
  return workspaces.find((w) => w.slug === last) ?? workspaces.find((w) => !w.archivedAt) ?? workspaces[0];
}
