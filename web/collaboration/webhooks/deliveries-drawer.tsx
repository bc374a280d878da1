import { Button, Code, Drawer, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TDeliveryStatus, TWebhook, TWebhookDelivery } from '../../../domain/collaboration/webhooks';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, type Page, qs } from '../../ui/api';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PagedList } from '../../ui/paged-list';
import { StatusBadge, type StatusInfo } from '../../ui/status-badge';
import { deliveriesKey, webhooksKey } from './keys';

const DELIVERY_STATUS: Record<TDeliveryStatus, StatusInfo> = {
  pending: { label: 'Pending', color: 'yellow' },
  succeeded: { label: 'Delivered', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export function DeliveryBadge({ status }: { status: TDeliveryStatus }) {
  return <StatusBadge info={DELIVERY_STATUS[status]} variant="light" />;
}

/** The delivery log of one webhook, newest first, with redelivery. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: TWebhook | null; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const id = webhook?.id ?? '';
  const log = useInfiniteQuery({
    queryKey: deliveriesKey(ws.id, id),
    enabled: webhook !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<TWebhookDelivery>>(wsPath(ws, `/webhooks/${id}/deliveries${qs({ limit: 25, cursor: pageParam })}`)),
    getNextPageParam: (p) => p.nextCursor,
    refetchInterval: (q) => (q.state.data?.pages[0]?.items.some((d) => d.status === 'pending') ? 5000 : false),
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => api.post(wsPath(ws, `/webhooks/${id}/deliveries/${deliveryId}/redeliver`)),
    onSuccess: async () => {
      notifySuccess('Queued to be sent again');
      await queryClient.invalidateQueries({ queryKey: deliveriesKey(ws.id, id) });
      await queryClient.invalidateQueries({ queryKey: webhooksKey(ws.id) });
    },
    onError: (e) => notifyError(e, 'Could not redeliver'),
  });

  return (
    <Drawer opened={webhook !== null} onClose={onClose} position="right" size="xl" title={webhook ? `Deliveries: ${webhook.name}` : ''}>
      <Stack gap="sm">
        <PagedList
          query={log}
          what="delivery log"
          skeleton={<Text c="dimmed">Loading…</Text>}
          empty={<EmptyState framed={false} icon={<IconSend size={26} aria-hidden />} title="Nothing sent yet" description="Send a test, or change something the webhook listens to." />}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Deliveries" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Event</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Response</Table.Th>
                    <Table.Th>Attempts</Table.Th>
                    <Table.Th>Time</Table.Th>
                    <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td><Code>{d.eventKind}</Code></Table.Td>
                      <Table.Td><DeliveryBadge status={d.status} /></Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.responseStatus ?? '—'}{d.durationMs !== null ? ` · ${d.durationMs} ms` : ''}</Text>
                        {d.error && <Text size="xs" c="red.8" style={{ wordBreak: 'break-word' }}>{d.error}</Text>}
                        {d.responseBody && (
                          <Tooltip label={d.responseBody.slice(0, 300)} multiline w={320}>
                            <Text size="xs" c="dimmed" lineClamp={1} tabIndex={0}>{d.responseBody}</Text>
                          </Tooltip>
                        )}
                      </Table.Td>
                      <Table.Td>{d.attempts}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(d.createdAt)}</Text>
                        {d.nextAttemptAt && <Text size="xs" c="dimmed">Next try {formatDateTime(d.nextAttemptAt)}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => redeliver.mutate(d.id)} loading={redeliver.isPending && redeliver.variables === d.id}
                          aria-label={`Redeliver ${d.eventKind} from ${formatDateTime(d.createdAt)}`}>
                          Redeliver
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </PagedList>
      </Stack>
    </Drawer>
  );
}
