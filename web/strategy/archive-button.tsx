import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkspace, wsPath } from '../app/workspace';
import { api } from '../ui/api';
import { confirm } from '../ui/confirm';
import { notifyError, notifySuccess } from '../ui/notify';
import { invalidateStrategy } from './api';

interface ArchiveButtonProps {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
  archived: boolean;
}

/** Archives (or restores) a goal or an initiative after asking. Archiving keeps everything. */
export function ArchiveButton({ kind, id, title, archived }: ArchiveButtonProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const noun = kind === 'goal' ? 'goal' : 'initiative';
  const action = useMutation({
    mutationFn: () => api.post(wsPath(ws, `/${kind}s/${id}/${archived ? 'restore' : 'archive'}`)),
    onSuccess: async () => {
      await invalidateStrategy(queryClient, ws);
      notifySuccess(archived ? `“${title}” restored` : `“${title}” archived`);
    },
    onError: (e) => notifyError(e, archived ? 'Could not restore' : 'Could not archive'),
  });

  return (
    <Button
      variant="default"
      leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
      loading={action.isPending}
      onClick={() =>
        confirm({
          title: archived ? `Restore this ${noun}?` : `Archive this ${noun}?`,
          message: archived
            ? `“${title}” returns to the lists and counts again in alignment.`
            : `“${title}” leaves the lists and no longer counts in alignment. Its links are kept, and you can restore it at any time.`,
          confirmLabel: archived ? 'Restore' : 'Archive',
          danger: !archived,
          onConfirm: () => action.mutate(),
        })
      }
    >
      {archived ? 'Restore' : 'Archive'}
    </Button>
  );
}
