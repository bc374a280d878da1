import { Badge, Group, Stack, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { dueState, OPEN_ACTION_STATUSES, type TActionItem } from '../../../domain/collaboration/actions';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { PagedList } from '../../ui/paged-list';
import { ActionList } from './action-list';
import { actionListQuery } from './api';

const GROUPS = [
  { key: 'overdue', title: 'Overdue', color: 'red' },
  { key: 'due_soon', title: 'Due soon', color: 'orange' },
  { key: 'later', title: 'Later', color: 'blue' },
  { key: 'none', title: 'No date', color: 'gray' },
] as const;
type GroupKey = (typeof GROUPS)[number]['key'];

function groupOf(item: TActionItem, today: string): GroupKey {
  const state = dueState(item.dueDate, today);
  return state === 'this_week' ? 'later' : state;
}

/** The urgency groups that hold at least one of `items`, most urgent first. */
function groupsOf(items: TActionItem[], today: string) {
  return GROUPS.map((g) => ({ ...g, items: items.filter((i) => groupOf(i, today) === g.key) })).filter((g) => g.items.length > 0);
}

/** The caller's open and in-progress items, grouped by how urgent they are. */
export function MyActions({ today, onOpen }: { today: string; onOpen: (id: string) => void }) {
  const ws = useWorkspace();
  const list = useInfiniteQuery(actionListQuery(ws, { owner: 'me', status: [...OPEN_ACTION_STATUSES], sort: 'due' }, 200));

  return (
    <Stack gap="lg">
      <PagedList
        query={list}
        skeleton={<TableSkeleton />}
        empty={
          <EmptyState
            icon={<IconChecklist size={28} aria-hidden />}
            title="Nothing on your plate"
            description="Action items assigned to you that are open or in progress show here, the most urgent first."
          />
        }
      >
        {(items) =>
          groupsOf(items, today).map((g) => (
            <section key={g.key} aria-labelledby={`actions-${g.key}`}>
              <Group gap="xs" mb="xs">
                <Title order={2} fz="md" id={`actions-${g.key}`}>
                  {g.title}
                </Title>
                <Badge color={g.color} variant="light" radius="sm">
                  {g.items.length}
                </Badge>
              </Group>
              <ActionList items={g.items} today={today} onOpen={onOpen} hideOwner label={g.title} />
            </section>
          ))
        }
      </PagedList>
    </Stack>
  );
}
