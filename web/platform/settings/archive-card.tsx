import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';

/** Owners archive a workspace (read-only, nothing deleted) or restore it. */
export function ArchiveCard() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const archived = Boolean(ws.archivedAt);
  const action = useMutation({
    mutationFn: () => api.post(wsPath(ws, archived ? '/restore' : '/archive')),
    onSuccess: async () => {
      notifySuccess(archived ? 'Workspace restored' : 'Workspace archived');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (e) => notifyError(e),
  });
  return (
    <SectionCard
      title={archived ? 'Restore the workspace' : 'Archive the workspace'}
      description={
        archived
          ? 'The workspace is read-only. Restoring it lets its members make changes again.'
          : 'Archiving makes the workspace read-only for everyone. Nothing is deleted, and an owner can restore it at any time.'
      }
    >
      <Button
        color={archived ? undefined : 'red'}
        variant={archived ? 'filled' : 'outline'}
        leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
        loading={action.isPending}
        onClick={() =>
          confirm({
            title: archived ? `Restore ${ws.name}?` : `Archive ${ws.name}?`,
            message: archived
              ? 'Members will be able to make changes again.'
              : 'Every member keeps read access, but no one can change anything until an owner restores it.',
            confirmLabel: archived ? 'Restore workspace' : 'Archive workspace',
            danger: !archived,
            onConfirm: () => action.mutate(),
          })
        }
      >
        {archived ? 'Restore workspace' : 'Archive workspace'}
      </Button>
    </SectionCard>
  );
}
