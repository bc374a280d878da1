import { ActionIcon, Badge, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TBusinessUnit } from '../../../domain/platform/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { unitsQuery, useMemberNames } from '../queries';

interface UnitsTableProps {
  units: TBusinessUnit[];
  canWrite: boolean;
  onEdit: (unit: TBusinessUnit) => void;
}

/** Business units as rows, with edit, archive and restore for admins. */
export function UnitsTable({ units, canWrite, onEdit }: UnitsTableProps) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (u: TBusinessUnit) => api.post(wsPath(ws, `/business-units/${u.id}/${u.archivedAt ? 'restore' : 'archive'}`)),
    onSuccess: async (_r, u) => {
      notifySuccess(u.archivedAt ? `${u.name} restored` : `${u.name} archived`);
      await queryClient.invalidateQueries({ queryKey: unitsQuery(ws).queryKey });
    },
    onError: (e) => notifyError(e),
  });
  const person = (id: string | null) => (id ? (people.get(id) ?? '—') : '—');

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Business units">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Business unit</Table.Th>
            <Table.Th>Head</Table.Th>
            <Table.Th>IT liaison</Table.Th>
            <Table.Th>Sponsor</Table.Th>
            {canWrite && (
              <Table.Th w={60}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td maw={420}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {u.name}
                  </Text>
                  {u.archivedAt && (
                    <Badge variant="default" radius="sm" tt="none">
                      Archived
                    </Badge>
                  )}
                </Group>
                {u.description && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {u.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{person(u.headUserId)}</Table.Td>
              <Table.Td>{person(u.liaisonUserId)}</Table.Td>
              <Table.Td>{person(u.sponsorUserId)}</Table.Td>
              {canWrite && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${u.name}`}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {!u.archivedAt && (
                        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(u)}>
                          Edit
                        </Menu.Item>
                      )}
                      <Menu.Item
                        leftSection={u.archivedAt ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                        color={u.archivedAt ? undefined : 'red'}
                        onClick={() =>
                          confirm({
                            title: u.archivedAt ? `Restore ${u.name}?` : `Archive ${u.name}?`,
                            message: u.archivedAt
                              ? 'It can be chosen for goals and initiatives again.'
                              : 'It can no longer be chosen for new goals and initiatives. Existing ones keep it, and you can restore it at any time.',
                            confirmLabel: u.archivedAt ? 'Restore' : 'Archive',
                            danger: !u.archivedAt,
                            onConfirm: () => archive.mutate(u),
                          })
                        }
                      >
                        {u.archivedAt ? 'Restore' : 'Archive'}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
