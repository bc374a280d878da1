import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TGoalLink, TLinkStrength } from '../../../domain/strategy/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { notifyError, notifySuccess } from '../../ui/notify';
import { invalidateStrategy } from '../api';

/** Change a link's strength or rationale, or remove it; both ends refresh. */
export function useLinkActions() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const refresh = () => invalidateStrategy(queryClient, ws);

  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; strength?: TLinkStrength; rationale?: string }) =>
      api.patch<TGoalLink>(wsPath(ws, `/goal-links/${id}`), body),
    onSuccess: async () => {
      await refresh();
      notifySuccess('Link updated');
    },
    onError: (e) => notifyError(e, 'Could not update the link'),
  });

  const remove = useMutation({
    mutationFn: (id: string) => api.delete(wsPath(ws, `/goal-links/${id}`)),
    onSuccess: async () => {
      await refresh();
      notifySuccess('Link removed');
    },
    onError: (e) => notifyError(e, 'Could not remove the link'),
  });

  return { update, remove };
}
