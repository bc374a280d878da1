import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSession } from '../../../domain/platform/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { ErrorState } from '../../ui/error-state';
import { formatDateTime, formatRelative } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { describeUserAgent } from '../../ui/user-agent';
import { SESSIONS_KEY as KEY } from './keys';
import { SectionCard } from '../../ui/section-card';

/** Where the user is signed in; sign out one session or all the others. */
export function SessionsCard() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: TSession[] }>('/me/sessions') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });

  const revokeOne = useMutation({
    mutationFn: (id: string) => api.delete(`/me/sessions/${id}`),
    onSuccess: async () => {
      notifySuccess('Session signed out');
      await refresh();
    },
    onError: (e) => notifyError(e, 'Could not sign out the session'),
  });
  const revokeOthers = useMutation({
    mutationFn: () => api.post<{ revoked: number }>('/me/sessions/revoke-others'),
    onSuccess: async ({ revoked }) => {
      notifySuccess(revoked === 1 ? 'Signed out 1 other session' : `Signed out ${revoked} other sessions`);
      await refresh();
    },
    onError: (e) => notifyError(e, 'Could not sign out the other sessions'),
  });

  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;

  return (
    <SectionCard
      title="Sessions"
      description="The browsers where you are signed in. Sign out any you do not recognise."
      actions={
        <Button
          variant="default"
          disabled={others === 0}
          loading={revokeOthers.isPending}
          onClick={() =>
            confirm({
              title: 'Sign out other sessions?',
              message: `Every session but this one will be signed out (${others}).`,
              confirmLabel: 'Sign out others',
              danger: true,
              onConfirm: () => revokeOthers.mutate(),
            })
          }
        >
          Sign out other sessions
        </Button>
      }
    >
      {sessions.isPending ? (
        <TableSkeleton rows={2} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table aria-label="Sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Signed in</Table.Th>
                <Table.Th>Last active</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconDeviceDesktop size={18} stroke={1.5} aria-hidden />
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {describeUserAgent(s.userAgent)}
                        </Text>
                      </Stack>
                      {s.current && (
                        <Badge size="sm" variant="dot" color="teal" radius="sm" tt="none">
                          This session
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatRelative(s.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          confirm({
                            title: 'Sign out this session?',
                            message: `${describeUserAgent(s.userAgent)}${s.ip ? ` at ${s.ip}` : ''} will have to sign in again.`,
                            confirmLabel: 'Sign out',
                            danger: true,
                            onConfirm: () => revokeOne.mutate(s.id),
                          })
                        }
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
