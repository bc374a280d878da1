import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TMilestone } from '../../../domain/strategy/milestones';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { notifyError, notifySuccess } from '../../ui/notify';

/** Refreshes what shows milestones: the initiatives (page, list counts) and the roadmap. */
export function useRefreshMilestones() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'initiatives'] }),
      queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'roadmap'] }),
    ]);
}

/** Mark done / reopen and delete, from the list; failures are shown as notifications. */
export function useMilestoneActions() {
  const ws = useWorkspace();
  const refresh = useRefreshMilestones();
  const setDone = useMutation({
    mutationFn: ({ m, doneOn }: { m: TMilestone; doneOn: string | null }) => api.patch<TMilestone>(wsPath(ws, `/milestones/${m.id}`), { doneOn }),
    onSuccess: async (m) => {
      await refresh();
      notifySuccess(m.doneOn ? `“${m.title}” marked done` : `“${m.title}” reopened`);
    },
    onError: (e) => notifyError(e, 'Could not change the milestone'),
  });
  const remove = useMutation({
    mutationFn: (m: TMilestone) => api.delete(wsPath(ws, `/milestones/${m.id}`)),
    onSuccess: async (_r, m) => {
      await refresh();
      notifySuccess(`“${m.title}” deleted`);
    },
    onError: (e) => notifyError(e, 'Could not delete the milestone'),
  });
  return { setDone, remove };
}

/** Today as `YYYY-MM-DD` in the reader's time zone (the day they mark something done). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
