import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { TComment, TWatchState } from '../../../domain/collaboration/comments';
import type { TMember, TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, ApiError, qs, type Page } from '../../ui/api';

/** Query keys: the lead's live-event handler invalidates these prefixes. */
export const commentKeys = {
  entity: (ws: TWorkspace, type: string, id: string) => ['comments', ws.id, type, id] as const,
  watch: (ws: TWorkspace, type: string, id: string) => ['watches', ws.id, type, id] as const,
  members: (ws: TWorkspace) => ['ws', ws.id, 'members', 'all'] as const,
};

export const commentsQuery = (ws: TWorkspace, type: string, id: string) =>
  infiniteQueryOptions({
    queryKey: commentKeys.entity(ws, type, id),
    queryFn: ({ pageParam }) =>
      api.get<Page<TComment>>(wsPath(ws, '/comments') + qs({ entityType: type, entityId: id, limit: 50, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const watchQuery = (ws: TWorkspace, type: string, id: string) =>
  queryOptions({
    queryKey: commentKeys.watch(ws, type, id),
    queryFn: () => api.get<TWatchState>(wsPath(ws, '/watches') + qs({ entityType: type, entityId: id })),
  });

/** The workspace's people, for @-mentions (the first 200 by name). */
export const membersQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: commentKeys.members(ws),
    queryFn: () => api.get<Page<TMember>>(wsPath(ws, '/members?limit=200')),
    staleTime: 60_000,
  });

/**
 * PUT, which the shared client (web/ui/api.ts) does not offer yet: same cookie, same errors.
 * Hand-written because it is one call; move it there when the client grows a put().
 */
export async function putWatch(ws: TWorkspace, type: string, id: string): Promise<TWatchState> {
  const res = await fetch(`/api/v1${wsPath(ws, '/watches')}`, {
    method: 'PUT', credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ entityType: type, entityId: id }),
  });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const p = (body ?? {}) as { title?: string; detail?: string };
    throw new ApiError({ type: 'about:blank', title: p.title ?? 'Request failed', status: res.status, detail: p.detail ?? `The server answered ${res.status}.` });
  }
  return body as TWatchState;
}

export async function deleteWatch(ws: TWorkspace, type: string, id: string): Promise<TWatchState> {
  // The shared client types DELETE as answering nothing; this one answers the new state.
  const state: unknown = await api.delete(wsPath(ws, '/watches') + qs({ entityType: type, entityId: id }));
  return state as TWatchState;
}
