import { ActionIcon, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCircleFilled, IconMailOpened } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { TNotification } from '../../../domain/collaboration/notifications';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { formatDateTime, formatRelative } from '../../ui/format';
import { useMarkRead } from './api';

/** One notification: opens what it is about (and marks it read); a button toggles read. */
export function NotificationItem({ ws, n, onOpen }: { ws: TWorkspace; n: TNotification; onOpen?: () => void }) {
  const navigate = useNavigate();
  const mark = useMarkRead(ws);
  const unread = n.readAt === null;
  const open = () => {
    if (unread) mark.mutate({ id: n.id, read: true });
    onOpen?.();
    if (n.link) void navigate({ href: `/w/${ws.slug}${n.link}` });
  };
  return (
    <Group wrap="nowrap" align="flex-start" gap="xs" py={6}>
      <IconCircleFilled size={10} aria-hidden style={{ marginTop: 6, flexShrink: 0, visibility: unread ? 'visible' : 'hidden' }} color="var(--mantine-color-blue-filled)" />
      <UnstyledButton onClick={open} style={{ flex: 1, minWidth: 0 }} aria-label={`${unread ? 'Unread: ' : ''}${n.title}`}>
        <Stack gap={2}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>{n.title}</Text>
          {n.body && <Text size="xs" c="dimmed" lineClamp={2}>{n.body}</Text>}
          <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>{formatRelative(n.createdAt)}</Text>
        </Stack>
      </UnstyledButton>
      <Tooltip label={unread ? 'Mark read' : 'Mark unread'}>
        <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => mark.mutate({ id: n.id, read: unread })} aria-label={unread ? `Mark “${n.title}” read` : `Mark “${n.title}” unread`}>
          {unread ? <IconMailOpened size={16} aria-hidden /> : <IconCircleFilled size={8} aria-hidden />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
