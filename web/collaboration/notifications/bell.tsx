import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../ui/links';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { notificationsQuery, unreadCountQuery, useMarkRead } from './api';
import { NotificationItem } from './notification-item';

/** The header's bell: unread count (kept live by the workspace's event stream) and the latest notifications. */
export function NotificationBell({ ws }: { ws: TWorkspace }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useQuery(unreadCountQuery(ws));
  const latest = useInfiniteQuery({ ...notificationsQuery(ws, false, 8), enabled: opened });
  const markAll = useMarkRead(ws);
  const unread = count.data?.unread ?? 0;
  const items = latest.data?.pages[0]?.items ?? [];
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4} color="red">
      <Popover opened={opened} onChange={(o) => !o && close()} width={360} position="bottom-end" shadow="md" withinPortal>
        <Popover.Target>
          {/* Popover.Target gives the button aria-expanded and aria-controls; the dropdown is named by it. */}
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={label}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Group justify="space-between" px={4} mb={4}>
            <Text fw={600} size="sm">Notifications</Text>
            <Button variant="subtle" size="compact-xs" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate({ read: true })}>
              Mark all read
            </Button>
          </Group>
          <Divider />
          <ScrollArea.Autosize mah={380}>
            {latest.isPending ? (
              <Text size="sm" c="dimmed" p="sm">Loading…</Text>
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">Nothing yet. Mentions, changes to what you watch and your action items show up here.</Text>
            ) : (
              <Stack gap={0} px={4}>
                {items.map((n) => <NotificationItem key={n.id} ws={ws} n={n} onOpen={close} />)}
              </Stack>
            )}
          </ScrollArea.Autosize>
          <Divider />
          <AnchorLink to="/w/$ws/notifications" params={{ ws: ws.slug }} size="sm" display="block" ta="center" pt={6} onClick={close}>
            All notifications
          </AnchorLink>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
