import { Button } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';
import { rememberWorkspace } from '../session';

/** Leave the workspace; the last owner cannot (the server says why). */
export function LeaveCard() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useMutation({
    mutationFn: () => api.post(wsPath(ws, '/leave')),
    onSuccess: async () => {
      notifySuccess(`You left ${ws.name}`);
      rememberWorkspace('');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate({ to: '/' });
    },
    onError: (e) => notifyError(e, 'Could not leave the workspace'),
  });
  return (
    <SectionCard title="Leave the workspace" description="You lose access until someone invites you again. A workspace always keeps at least one owner.">
      <Button
        color="red"
        variant="outline"
        leftSection={<IconDoorExit size={16} />}
        loading={leave.isPending}
        onClick={() =>
          confirm({
            title: `Leave ${ws.name}?`,
            message: 'You will no longer see its goals, initiatives or members.',
            confirmLabel: 'Leave workspace',
            danger: true,
            onConfirm: () => leave.mutate(),
          })
        }
      >
        Leave workspace
      </Button>
    </SectionCard>
  );
}
