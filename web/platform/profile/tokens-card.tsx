import { Badge, Button, Code, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken } from '../../../domain/platform/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatDate, formatRelative } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { CreateTokenModal } from './create-token-modal';
import { TOKENS_KEY } from './keys';
import { SectionCard } from '../../ui/section-card';

// The API leaves revoked tokens out; an expired one stays listed until revoked.
function tokenState(t: TApiToken): { label: string; color: string } {
  if (t.expiresAt && new Date(t.expiresAt).getTime() < Date.now()) return { label: 'Expired', color: 'gray' };
  return { label: 'Active', color: 'teal' };
}

/** Personal API tokens: create (the secret is shown once), see when each was used, revoke. */
export function TokensCard() {
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<{ items: TApiToken[] }>('/me/tokens') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/me/tokens/${id}`),
    onSuccess: async () => {
      notifySuccess('Token revoked');
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (e) => notifyError(e, 'Could not revoke the token'),
  });

  return (
    <SectionCard
      title="API tokens"
      description="Tokens let scripts and other tools use the Tandem API as you. Send one as “Authorization: Bearer <token>”."
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          Create token
        </Button>
      }
    >
      {tokens.isPending ? (
        <TableSkeleton rows={2} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState framed={false} icon={<IconKey size={26} aria-hidden />} title="No API tokens" description="Create one when a script or integration needs to reach Tandem." />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((t) => {
                const state = tokenState(t);
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    <Table.Td>{t.scope === 'read' ? 'Read only' : 'Read and write'}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td>{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={state.color} radius="sm" tt="none">
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {state.label === 'Active' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke ${t.name}`}
                          onClick={() =>
                            confirm({
                              title: `Revoke “${t.name}”?`,
                              message: 'Anything using this token stops working at once. This cannot be undone.',
                              confirmLabel: 'Revoke token',
                              danger: true,
                              onConfirm: () => revoke.mutate(t.id),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenModal opened={creating} onClose={close} />
    </SectionCard>
  );
}
