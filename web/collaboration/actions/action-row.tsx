import { ActionIcon, Box, Checkbox, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconCircleDashed, IconDots, IconPencil, IconPlayerPlay, IconX } from '@tabler/icons-react';
import type { TActionItem } from '../../../domain/collaboration/actions';
import { useCan, useWorkspace } from '../../app/workspace';
import { ArchivedBadge } from '../../strategy/status';
import { confirm } from '../../ui/confirm';
import { useActionChange } from './api';
import { SourceLink } from './source-link';
import { ActionStatusBadge, DueBadge } from './status';

interface ActionRowProps {
  item: TActionItem;
  today: string;
  onOpen: (id: string) => void;
  /** Leave out the source (on the source's own page). */
  hideSource?: boolean;
  hideOwner?: boolean;
}

/** One action item: a checkbox to complete it, its title (opens it), badges, and a menu of changes. */
export function ActionRow({ item, today, onOpen, hideSource, hideOwner }: ActionRowProps) {
  const ws = useWorkspace();
  const mayWrite = useCan('actions.write');
  const canWrite = mayWrite && !item.archivedAt;
  const change = useActionChange(ws);
  const done = item.status === 'done';
  const closed = done || item.status === 'cancelled';
  const set = (status: TActionItem['status']) => change.mutate({ id: item.id, change: { status } });

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py="xs" px="sm">
      <Checkbox
        mt={3}
        aria-label={done ? `Reopen “${item.title}”` : `Mark “${item.title}” done`}
        checked={done}
        disabled={!canWrite || change.isPending}
        onChange={(e) => set(e.currentTarget.checked ? 'done' : 'open')}
      />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <UnstyledButton onClick={() => onOpen(item.id)} style={{ display: 'block', maxWidth: '100%' }}>
          <Text component="span" display="block" ta="left" fw={600} size="sm" td={closed ? 'line-through' : undefined} c={closed ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
        </UnstyledButton>
        {item.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {item.description}
          </Text>
        )}
        <Group gap={6} mt={4} wrap="wrap">
          {item.status !== 'open' && <ActionStatusBadge status={item.status} />}
          <DueBadge dueDate={item.dueDate} status={item.status} today={today} />
          {item.archivedAt && <ArchivedBadge />}
          {!hideOwner && (
            <Text size="xs" c="dimmed">
              {item.ownerName ?? 'No owner'}
            </Text>
          )}
          {!hideSource && item.source && (
            <Text size="xs" c="dimmed">
              · <SourceLink source={item.source} size="xs" />
            </Text>
          )}
        </Group>
      </Box>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for “${item.title}”`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onOpen(item.id)}>
            {canWrite ? 'Edit' : 'View'}
          </Menu.Item>
          {canWrite && item.status !== 'open' && (
            <Menu.Item leftSection={<IconCircleDashed size={14} />} onClick={() => set('open')}>
              Reopen
            </Menu.Item>
          )}
          {canWrite && item.status !== 'in_progress' && (
            <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => set('in_progress')}>
              Mark in progress
            </Menu.Item>
          )}
          {canWrite && item.status !== 'cancelled' && (
            <Menu.Item leftSection={<IconX size={14} />} onClick={() => set('cancelled')}>
              Cancel item
            </Menu.Item>
          )}
          {mayWrite && (
            <Menu.Item
              leftSection={item.archivedAt ? <IconArchiveOff size={14} /> : <IconArchive size={14} />}
              onClick={() =>
                item.archivedAt
                  ? change.mutate({ id: item.id, change: 'restore' })
                  : confirm({
                      title: 'Archive this action item?',
                      message: `“${item.title}” leaves the lists and gets no more reminders. You can restore it at any time.`,
                      confirmLabel: 'Archive',
                      danger: true,
                      onConfirm: () => change.mutate({ id: item.id, change: 'archive' }),
                    })
              }
            >
              {item.archivedAt ? 'Restore' : 'Archive'}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
