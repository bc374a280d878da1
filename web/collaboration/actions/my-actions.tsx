import { Badge, Group, Stack, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dueState, type TActionItem } from '../../../domain/collaboration/actions';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { LoadMore } from '../../ui/load-more';
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

/** The caller's open and in-progress items, grouped by how urgent they are. */
export function MyActions({ today, onOpen }: { today: string; onOpen: (id: string) => void }) {
  const ws = useWorkspace();
  const list = useInfiniteQuery(actionListQuery(ws, { owner: 'me', status: ['open', 'in_progress'], sort: 'due' }, 200));
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const groups = useMemo(
    () => GROUPS.map((g) => ({ ...g, items: items.filter((i) => groupOf(i, today) === g.key) })).filter((g) => g.items.length > 0),
    [items, today],
  );

  if (list.isPending) return <TableSkeleton />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconChecklist size={28} aria-hidden />}
        title="Nothing on your plate"
        description="Action items assigned to you that are open or in progress show here, the most urgent first."
      />
    );
  }
  return (
    <Stack gap="lg">
      {groups.map((g) => (
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
      ))}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
