import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEmailStatus, TOutboxEmailDetail, TOutboxList } from '../../../domain/collaboration/email';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs } from '../../ui/api';
import { notifyError, notifySuccess } from '../../ui/notify';

const outboxKey = (ws: TWorkspace) => ['ws', ws.id, 'outbox'];

export const outboxQuery = (ws: TWorkspace, status: TEmailStatus | null) =>
  infiniteQueryOptions({
    queryKey: [...outboxKey(ws), 'list', status],
    queryFn: ({ pageParam }) => api.get<TOutboxList>(wsPath(ws, '/outbox') + qs({ status, limit: 50, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const outboxEmailQuery = (ws: TWorkspace, id: string) =>
  queryOptions({ queryKey: [...outboxKey(ws), 'email', id], queryFn: () => api.get<TOutboxEmailDetail>(wsPath(ws, `/outbox/${id}`)) });

/** Queues an unsent or failed e-mail again. */
export function useSendNow(ws: TWorkspace) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TOutboxEmailDetail>(wsPath(ws, `/outbox/${id}/send`), {}),
    onSuccess: async (e) => {
      notifySuccess(`“${e.subject}” is queued and goes out with the next send run.`);
      await queryClient.invalidateQueries({ queryKey: outboxKey(ws) });
    },
    onError: (e) => notifyError(e, 'Could not queue the e-mail'),
  });
}

export const STATUS_INFO: Record<TEmailStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  unsent: { label: 'Unsent', color: 'gray' },
};

export const KIND_LABELS: Record<TOutboxEmailDetail['kind'], string> = {
  notification: 'Notification',
  digest: 'Daily digest',
  invitation: 'Invitation',
  reminder: 'Reminder',
};
