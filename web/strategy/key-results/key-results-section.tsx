import { ActionIcon, Badge, Button, Group, Paper, Switch, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconChartLine, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { TKeyResult } from '../../../domain/strategy/key-results';
import type { TGoalDetail } from '../../../domain/strategy/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { useMemberNames } from '../../platform/queries';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { formatRelative } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { invalidateStrategy } from '../api';
import { ProgressBar } from '../goals/progress';
import { CheckInHistory } from './check-in-history';
import { CheckInModal } from './check-in-modal';
import { KeyResultFormModal } from './key-result-form-modal';
import { allKeyResultsQuery, formatValue } from './kr-api';

const COLUMNS = 7;
const DIRECTION = { increase: 'higher is better', decrease: 'lower is better' } as const;

/** A goal's key results: progress, values, check-ins with their history chart, and editing. */
export function KeyResultsSection({ goal, canWrite }: { goal: TGoalDetail; canWrite: boolean }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const [showArchived, setShowArchived] = useState(false);
  const all = useQuery({ ...allKeyResultsQuery(ws, goal.id), enabled: showArchived });
  const items = showArchived ? (all.data?.items ?? goal.keyResults) : goal.keyResults;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TKeyResult | null>(null);
  const [checkingIn, setCheckingIn] = useState<TKeyResult | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="key-results-heading">
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Group gap="md">
          <Title order={2} fz="lg" id="key-results-heading">
            Key results
          </Title>
          <ProgressBar value={goal.progress} label={`Progress of ${goal.title}`} empty="No progress measured yet" w={200} />
        </Group>
        <Group gap="sm">
          <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add key result
            </Button>
          )}
        </Group>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No key results yet. Add the measurable outcomes that show this goal is met; their progress rolls up to the goal.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key result</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th ta="right">Current</Table.Th>
                <Table.Th ta="right">Target</Table.Th>
                <Table.Th ta="right">Baseline</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((k) => {
                const expanded = open.has(k.id);
                const archived = Boolean(k.archivedAt);
                return (
                  <Fragment key={k.id}>
                    <Table.Tr>
                      <Table.Td maw={320}>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {k.title}
                          </Text>
                          {archived && (
                            <Badge variant="default" radius="sm" tt="none">
                              Archived
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {[
                            k.ownerUserId ? people.get(k.ownerUserId) : null,
                            k.direction ? DIRECTION[k.direction] : null,
                            k.lastCheckInAt ? `checked in ${formatRelative(k.lastCheckInAt)}` : 'no check-in yet',
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ProgressBar value={k.progress} label={`Progress of ${k.title}`} w={150} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatValue(k.current, k.unit)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatValue(k.target, k.unit)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatValue(k.baseline, k.unit)}
                      </Table.Td>
                      <Table.Td ta="right">{k.weight}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {canWrite && !archived && (
                            <Button size="xs" variant="light" onClick={() => setCheckingIn(k)}>
                              Check in
                            </Button>
                          )}
                          <Tooltip label={expanded ? 'Hide history' : 'History'}>
                            <ActionIcon
                              variant={expanded ? 'light' : 'subtle'}
                              color="gray"
                              aria-expanded={expanded}
                              aria-label={`${expanded ? 'Hide the' : 'Show the'} check-in history of ${k.title}`}
                              onClick={() => toggle(k.id)}
                            >
                              <IconChartLine size={16} />
                            </ActionIcon>
                          </Tooltip>
                          {canWrite && !archived && (
                            <Tooltip label="Edit">
                              <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${k.title}`} onClick={() => setEditing(k)}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                          {canWrite && <ArchiveKeyResult keyResult={k} />}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-default-hover)">
                          <CheckInHistory keyResult={k} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <>
          <KeyResultFormModal opened={adding} onClose={() => setAdding(false)} goalId={goal.id} />
          {editing && <KeyResultFormModal key={editing.id} opened onClose={() => setEditing(null)} goalId={goal.id} keyResult={editing} />}
          {checkingIn && <CheckInModal key={checkingIn.id} opened onClose={() => setCheckingIn(null)} keyResult={checkingIn} />}
        </>
      )}
    </Paper>
  );
}

function ArchiveKeyResult({ keyResult: k }: { keyResult: TKeyResult }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const archived = Boolean(k.archivedAt);
  const action = useMutation({
    mutationFn: () => api.post(wsPath(ws, `/key-results/${k.id}/${archived ? 'restore' : 'archive'}`)),
    onSuccess: async () => {
      await invalidateStrategy(queryClient, ws);
      notifySuccess(archived ? `“${k.title}” restored` : `“${k.title}” archived`);
    },
    onError: (e) => notifyError(e, archived ? 'Could not restore' : 'Could not archive'),
  });
  return (
    <Tooltip label={archived ? 'Restore' : 'Archive'}>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`${archived ? 'Restore' : 'Archive'} ${k.title}`}
        loading={action.isPending}
        onClick={() =>
          confirm({
            title: archived ? 'Restore this key result?' : 'Archive this key result?',
            message: archived
              ? `“${k.title}” counts in the goal’s progress again.`
              : `“${k.title}” leaves the goal’s progress. Its check-ins are kept, and you can restore it at any time.`,
            confirmLabel: archived ? 'Restore' : 'Archive',
            danger: !archived,
            onConfirm: () => action.mutate(),
          })
        }
      >
        {archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}
