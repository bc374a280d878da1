import { Avatar, Badge, Button, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '../../../domain/platform/permissions';
import type { TMember } from '../../../domain/platform/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { initials } from '../../app/shell/user-menu';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { ErrorState } from '../../ui/error-state';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';
import { membersQuery } from '../queries';
import { ROLE_INFO } from '../roles';
import { useMe } from '../session';
import { roleOptions } from './role-options';

/** The members table: admins change roles and remove people. */
export function MembersCard() {
  const ws = useWorkspace();
  const { user } = useMe();
  const canManage = useCan('members.manage');
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(ws));
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersQuery(ws).queryKey });

  const setRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) => api.patch<TMember>(wsPath(ws, `/members/${userId}`), { role }),
    onSuccess: async (m) => {
      notifySuccess(`${m.name} is now ${ROLE_INFO[m.role].label.toLowerCase()}`);
      await refresh();
    },
    onError: async (e) => {
      notifyError(e, 'Could not change the role');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: TMember) => api.delete(wsPath(ws, `/members/${m.userId}`)),
    onSuccess: async (_r, m) => {
      notifySuccess(`${m.name} was removed from the workspace`);
      await refresh();
    },
    onError: (e) => notifyError(e, 'Could not remove the member'),
  });

  const options = roleOptions(ws.role);
  const count = members.data?.items.length;

  return (
    <SectionCard title="People" description={count === undefined ? undefined : `${count} ${count === 1 ? 'member' : 'members'}`}>
      {members.isPending ? (
        <TableSkeleton rows={3} />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={200}>Role</Table.Th>
                <Table.Th>Joined</Table.Th>
                {canManage && (
                  <Table.Th w={110}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((m) => {
                const self = m.userId === user.id;
                const manageable = canManage && !self && options.some((o) => o.value === m.role);
                return (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar radius="xl" size={34} color="indigo">
                          {initials(m.name)}
                        </Avatar>
                        <div>
                          <Group gap={6}>
                            <Text size="sm" fw={600}>
                              {m.name}
                            </Text>
                            {self && (
                              <Badge size="xs" variant="default" radius="sm" tt="none">
                                You
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {m.email}
                          </Text>
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {manageable ? (
                        <Select
                          size="xs"
                          aria-label={`Role of ${m.name}`}
                          data={options}
                          value={m.role}
                          allowDeselect={false}
                          onChange={(v) => v && v !== m.role && setRole.mutate({ userId: m.userId, role: v })}
                        />
                      ) : (
                        <Text size="sm" title={ROLE_INFO[m.role].description}>
                          {ROLE_INFO[m.role].label}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(m.joinedAt)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        {manageable && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${m.name}`}
                            onClick={() =>
                              confirm({
                                title: `Remove ${m.name}?`,
                                message: `${m.name} loses access to ${ws.name}. What they created stays.`,
                                confirmLabel: 'Remove member',
                                danger: true,
                                onConfirm: () => remove.mutate(m),
                              })
                            }
                          >
                            Remove
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
