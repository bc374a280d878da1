import { ActionIcon, Badge, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TTeam } from '../../../domain/platform/teams';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { AnchorLink } from '../../ui/links';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useMemberNames, useUnitNames } from '../queries';
import { teamsQuery } from './queries';

interface TeamsTableProps {
  teams: TTeam[];
  canWrite: boolean;
  onEdit: (team: TTeam) => void;
}

/** Teams as rows, with their lead, business unit, a link to their initiatives, and edit/archive for admins. */
export function TeamsTable({ teams, canWrite, onEdit }: TeamsTableProps) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (t: TTeam) => api.post(wsPath(ws, `/teams/${t.id}/${t.archivedAt ? 'restore' : 'archive'}`)),
    onSuccess: async (_r, t) => {
      notifySuccess(t.archivedAt ? `${t.name} restored` : `${t.name} archived`);
      await queryClient.invalidateQueries({ queryKey: teamsQuery(ws).queryKey });
    },
    onError: (e) => notifyError(e),
  });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Teams">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Business unit</Table.Th>
            <Table.Th>Initiatives</Table.Th>
            {canWrite && (
              <Table.Th w={60}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td maw={420}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {t.name}
                  </Text>
                  {t.archivedAt && (
                    <Badge variant="default" radius="sm" tt="none">
                      Archived
                    </Badge>
                  )}
                </Group>
                {t.description && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {t.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t.leadUserId ? (people.get(t.leadUserId) ?? '—') : '—'}</Table.Td>
              <Table.Td>{t.businessUnitId ? (units.get(t.businessUnitId) ?? '—') : '—'}</Table.Td>
              <Table.Td>
                <AnchorLink to="/w/$ws/initiatives" params={{ ws: ws.slug }} search={{ team: t.id }} size="sm">
                  Initiatives<VisuallyHidden> of {t.name}</VisuallyHidden>
                </AnchorLink>
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${t.name}`}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {!t.archivedAt && (
                        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(t)}>
                          Edit
                        </Menu.Item>
                      )}
                      <Menu.Item
                        leftSection={t.archivedAt ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                        color={t.archivedAt ? undefined : 'red'}
                        onClick={() =>
                          confirm({
                            title: t.archivedAt ? `Restore ${t.name}?` : `Archive ${t.name}?`,
                            message: t.archivedAt
                              ? 'It can be chosen for initiatives again.'
                              : 'It can no longer be chosen for initiatives. Initiatives it delivers keep it, and you can restore it at any time.',
                            confirmLabel: t.archivedAt ? 'Restore' : 'Archive',
                            danger: !t.archivedAt,
                            onConfirm: () => archive.mutate(t),
                          })
                        }
                      >
                        {t.archivedAt ? 'Restore' : 'Archive'}
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
