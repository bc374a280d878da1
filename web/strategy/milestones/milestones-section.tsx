import { ActionIcon, Button, Checkbox, Group, Menu, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconFlag, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TMilestone } from '../../../domain/strategy/milestones';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { MilestoneModal } from './milestone-modal';
import { today, useMilestoneActions } from './milestones-api';

interface MilestonesSectionProps {
  initiative: { id: string; title: string; startDate: string | null; endDate: string | null };
  milestones: TMilestone[];
  canWrite: boolean;
}

function MilestoneState({ m, now }: { m: TMilestone; now: string }) {
  if (m.doneOn) return <StatusBadge info={{ label: `Done ${formatDate(m.doneOn)}`, color: 'teal' }} />;
  if (m.dueDate < now) return <StatusBadge info={{ label: 'Overdue', color: 'red' }} />;
  return <StatusBadge info={{ label: 'Open', color: 'gray' }} />;
}

/** Mark done / reopen: shows the new state at once, the saved one once the list has refreshed (or the old one on failure). */
function DoneBox({ m, onChange }: { m: TMilestone; onChange: (done: boolean, settled: () => void) => void }) {
  const [asked, setAsked] = useState<boolean | null>(null);
  return (
    <Checkbox
      aria-label={m.doneOn ? `Reopen ${m.title}` : `Mark ${m.title} done`}
      checked={asked ?? Boolean(m.doneOn)}
      disabled={asked !== null}
      onChange={(e) => {
        const done = e.currentTarget.checked;
        setAsked(done);
        onChange(done, () => setAsked(null));
      }}
    />
  );
}

/** An initiative's milestones by due date: add, edit, mark done or reopen, delete. */
export function MilestonesSection({ initiative, milestones, canWrite }: MilestonesSectionProps) {
  const [adding, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<TMilestone | null>(null);
  const { setDone, remove } = useMilestoneActions();
  const now = today();
  const done = milestones.filter((m) => m.doneOn).length;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="milestones-heading">
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Title order={2} fz="lg" id="milestones-heading">
            Milestones{' '}
            <Text span c="dimmed" fz="lg">
              ({milestones.length ? `${done} of ${milestones.length} done` : 0})
            </Text>
          </Title>
          <Text size="sm" c="dimmed">
            Dated steps on the way, shown on the roadmap.
          </Text>
        </div>
        {canWrite && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            Add milestone
          </Button>
        )}
      </Group>
      {milestones.length === 0 ? (
        <EmptyState framed={false} icon={<IconFlag size={26} aria-hidden />} title="No milestones yet" description="Milestones mark the steps that show the initiative is on track." />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                {canWrite && (
                  <Table.Th w={48}>
                    <VisuallyHidden>Done</VisuallyHidden>
                  </Table.Th>
                )}
                <Table.Th>Milestone</Table.Th>
                <Table.Th w={130}>Due</Table.Th>
                <Table.Th w={150}>State</Table.Th>
                {canWrite && (
                  <Table.Th w={60}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {milestones.map((m) => (
                <Table.Tr key={m.id}>
                  {canWrite && (
                    <Table.Td>
                      <DoneBox m={m} onChange={(done, settled) => setDone.mutate({ m, doneOn: done ? now : null }, { onSettled: settled })} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm" fw={600} td={m.doneOn ? 'line-through' : undefined}>
                      {m.title}
                    </Text>
                    {m.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {m.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.dueDate)}</Table.Td>
                  <Table.Td>
                    <MilestoneState m={m} now={now} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.title}`}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(m)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconTrash size={16} />}
                            color="red"
                            onClick={() =>
                              confirm({
                                title: `Delete “${m.title}”?`,
                                message: 'The milestone leaves the initiative and the roadmap. The audit log keeps a record of it.',
                                confirmLabel: 'Delete',
                                danger: true,
                                onConfirm: () => remove.mutate(m),
                              })
                            }
                          >
                            Delete
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
      )}
      {canWrite && (
        <>
          <MilestoneModal opened={adding} onClose={close} initiative={initiative} />
          {editing && <MilestoneModal key={editing.id} opened onClose={() => setEditing(null)} initiative={initiative} milestone={editing} />}
        </>
      )}
    </Paper>
  );
}
