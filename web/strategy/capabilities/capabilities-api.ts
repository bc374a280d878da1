import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TCapability, TCapabilityLink } from '../../../domain/strategy/capabilities';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';
import { notifyError, notifySuccess } from '../../ui/notify';

/** Every query of the capability map sits under this key (live updates refetch it with the workspace). */
export const capabilitiesKey = (ws: TWorkspace) => ['ws', ws.id, 'capabilities'] as const;

/** The whole capability tree, in display order (archived ones too when asked). */
export const capabilitiesQuery = (ws: TWorkspace, includeArchived = false) =>
  queryOptions({
    queryKey: [...capabilitiesKey(ws), 'tree', includeArchived],
    queryFn: () => api.get<Page<TCapability>>(wsPath(ws, `/capabilities${includeArchived ? '?includeArchived=true' : ''}`)),
  });

/** Link or unlink goals and initiatives, and archive or restore a capability; the map refreshes. */
export function useCapabilityActions() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: capabilitiesKey(ws) });

  const link = useMutation({
    mutationFn: ({ capabilityId, ...body }: { capabilityId: string; goalId?: string; initiativeId?: string }) =>
      api.post<TCapabilityLink>(wsPath(ws, `/capabilities/${capabilityId}/links`), body),
    onSuccess: async (l) => {
      await refresh();
      notifySuccess(`${l.goalId ? 'Goal' : 'Initiative'} “${l.title}” linked`);
    },
    onError: (e) => notifyError(e, 'Could not link'),
  });

  const unlink = useMutation({
    mutationFn: (linkId: string) => api.delete(wsPath(ws, `/capability-links/${linkId}`)),
    onSuccess: async () => {
      await refresh();
      notifySuccess('Link removed');
    },
    onError: (e) => notifyError(e, 'Could not remove the link'),
  });

  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.post<TCapability>(wsPath(ws, `/capabilities/${id}/${archived ? 'archive' : 'restore'}`)),
    onSuccess: async (c) => {
      await refresh();
      notifySuccess(c.archivedAt ? `“${c.name}” archived` : `“${c.name}” restored`);
    },
    onError: (e) => notifyError(e, 'That did not work'),
  });

  return { link, unlink, archive, refresh };
}
