import { Button } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWorkspace } from '../../app/workspace';
import { notifyError } from '../../ui/notify';
import { commentKeys, deleteWatch, putWatch, watchQuery } from './comments-api';

/** Watch / Unwatch an item, with how many people watch it. Viewers may watch too. */
export function WatchButton({ entityType, entityId }: { entityType: string; entityId: string }) {
  const ws = useWorkspace();
  const qc = useQueryClient();
  const state = useQuery(watchQuery(ws, entityType, entityId));
  const toggle = useMutation({
    mutationFn: (watch: boolean) => (watch ? putWatch(ws, entityType, entityId) : deleteWatch(ws, entityType, entityId)),
    onSuccess: (next) => qc.setQueryData(commentKeys.watch(ws, entityType, entityId), next),
    onError: (e) => notifyError(e, 'Could not change watching.'),
  });
  const watching = state.data?.watching ?? false;
  const count = state.data?.watchers ?? 0;
  return (
    <Button
      variant={watching ? 'light' : 'default'}
      size="xs"
      leftSection={watching ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
      loading={toggle.isPending}
      disabled={state.isPending || state.isError}
      onClick={() => toggle.mutate(!watching)}
      aria-pressed={watching}
      title={watching ? 'You hear of its changes and comments' : 'Hear of its changes and comments'}
    >
      {watching ? 'Unwatch' : 'Watch'} · {count} {count === 1 ? 'watcher' : 'watchers'}
    </Button>
  );
}
