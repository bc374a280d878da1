import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInitiativeDependency } from '../../../domain/strategy/dependencies';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { notifyError, notifySuccess } from '../../ui/notify';

/** Refreshes what shows dependencies: both initiatives' pages, the list counts and the roadmap. */
export function useRefreshDependencies() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'initiatives'] }),
      queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'roadmap'] }),
    ]);
}

/** "dependentId depends on dependsOnId", with a note. */
export function useAddDependency() {
  const ws = useWorkspace();
  return (body: { dependentId: string; dependsOnId: string; note: string }) =>
    api.post<TInitiativeDependency>(wsPath(ws, `/initiatives/${body.dependentId}/dependencies`), { dependsOnId: body.dependsOnId, note: body.note });
}

export function useRemoveDependency() {
  const ws = useWorkspace();
  const refresh = useRefreshDependencies();
  return useMutation({
    mutationFn: (d: { dependencyId: string; title: string }) => api.delete(wsPath(ws, `/initiative-dependencies/${d.dependencyId}`)),
    onSuccess: async (_r, d) => {
      await refresh();
      notifySuccess(`Dependency on “${d.title}” removed`);
    },
    onError: (e) => notifyError(e, 'Could not remove the dependency'),
  });
}
