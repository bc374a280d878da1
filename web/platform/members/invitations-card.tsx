import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailPlus, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TInvitation } from '../../../domain/platform/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';
import { ROLE_INFO } from '../roles';
import { InviteModal } from './invite-modal';

/** Open invitations, with who they are for and when they expire; admins revoke them. */
export function InvitationsCard() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const [inviting, { open, close }] = useDisclosure(false);
  const key = ['ws', ws.id, 'invitations'];
  const invitations = useQuery({ queryKey: key, queryFn: () => api.get<{ items: TInvitation[] }>(wsPath(ws, '/invitations?limit=200')) });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(wsPath(ws, `/invitations/${id}`)),
    onSuccess: async () => {
      notifySuccess('Invitation revoked');
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => notifyError(e, 'Could not revoke the invitation'),
  });
  const open_ = (invitations.data?.items ?? []).filter(
    (i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > Date.now(),
  );

  return (
    <SectionCard
      title="Invitations"
      description="Each invitation is a link that works once, until it expires."
      actions={
        <Button leftSection={<IconMailPlus size={16} />} onClick={open}>
          Invite people
        </Button>
      }
    >
      {invitations.isPending ? (
        <TableSkeleton rows={2} />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : open_.length === 0 ? (
        <EmptyState framed={false} icon={<IconSend size={26} aria-hidden />} title="No open invitations" description="Invite colleagues from the business and from IT to work here together." />
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table aria-label="Open invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>For</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open_.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {i.email ?? 'Anyone with the link'}
                    </Text>
                    {i.emailSent && (
                      <Badge size="xs" variant="default" radius="sm" tt="none">
                        E-mailed
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{ROLE_INFO[i.role].label}</Table.Td>
                  <Table.Td>{formatDate(i.createdAt)}</Table.Td>
                  <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        confirm({
                          title: 'Revoke this invitation?',
                          message: 'The link stops working at once.',
                          confirmLabel: 'Revoke invitation',
                          danger: true,
                          onConfirm: () => revoke.mutate(i.id),
                        })
                      }
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <InviteModal opened={inviting} onClose={close} />
    </SectionCard>
  );
}
