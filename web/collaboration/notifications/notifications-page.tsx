import { Button, Group, Paper, SegmentedControl, Stack } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PagedList } from '../../ui/paged-list';
import { notificationsQuery, unreadCountQuery, useMarkRead } from './api';
import { NotificationItem } from './notification-item';

/** The notification centre: everything that was meant for me in this workspace. */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const ws = useWorkspace();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const list = useInfiniteQuery(notificationsQuery(ws, show === 'unread'));
  const count = useQuery(unreadCountQuery(ws));
  const markAll = useMarkRead(ws);
  const unread = count.data?.unread ?? 0;
  return (
    <>
      <PageHeader title="Notifications" description="Mentions, comments and changes on what you watch, and your action items. Choose what reaches you, and how, on your profile." />
      <Group justify="space-between" mb="md">
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v)}
          data={[{ value: 'all', label: 'All' }, { value: 'unread', label: `Unread (${unread})` }]}
          aria-label="Show"
        />
        <Button variant="default" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate({ read: true })}>
          Mark all read
        </Button>
      </Group>
      <PagedList
        query={list}
        skeleton={<TableSkeleton rows={6} />}
        empty={
          <EmptyState
            icon={<IconBell size={28} aria-hidden />}
            title={show === 'unread' ? 'All caught up' : 'No notifications yet'}
            description="When someone mentions you, comments on what you watch or assigns you an action item, it shows up here."
          />
        }
      >
        {(items) => (
          <Paper withBorder p="sm">
            <Stack gap={0}>
              {items.map((n) => <NotificationItem key={n.id} ws={ws} n={n} />)}
            </Stack>
          </Paper>
        )}
      </PagedList>
    </>
  );
}
