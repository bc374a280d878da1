import { Badge, Button, Code, Group, Menu, Modal, Stack, Table, Text, ActionIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconPlus, IconWebhook } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TWebhook, TWebhookWithSecret } from '../../../domain/collaboration/webhooks';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { CopyField } from '../../ui/copy-field';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatRelative } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { SectionCard } from '../../ui/section-card';
import { DeliveriesDrawer, DeliveryBadge } from './deliveries-drawer';
import { webhooksKey } from './keys';
import { WebhookFormModal } from './webhook-form-modal';

const FORMAT_LABELS = { json: 'JSON', slack: 'Slack', teams: 'Teams' } as const;

/** Outgoing webhooks of the workspace: admins add targets, test them and read the delivery log. */
export function WebhooksPage() {
  usePageTitle('Webhooks');
  const canManage = useCan('webhooks.manage');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send workspace changes to Slack, Microsoft Teams or your own systems as they happen. Each request is signed."
      />
      {canManage ? (
        <Stack gap="lg">
          <WebhooksCard />
          <VerifyCard />
        </Stack>
      ) : (
        <EmptyState icon={<IconWebhook size={26} aria-hidden />} title="Admins only" description="Ask a workspace admin to set up webhooks." />
      )}
    </>
  );
}

function WebhooksCard() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const [formOpen, form] = useDisclosure(false);
  const [editing, setEditing] = useState<TWebhook | null>(null);
  const [logOf, setLogOf] = useState<TWebhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useQuery({ queryKey: webhooksKey(ws.id), queryFn: () => api.get<Page<TWebhook>>(wsPath(ws, '/webhooks?limit=200')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey(ws.id) });
  const test = useMutation({
    mutationFn: (id: string) => api.post(wsPath(ws, `/webhooks/${id}/test`)),
    onSuccess: async () => {
      notifySuccess('Test event queued; see the delivery log for the result');
      await refresh();
    },
    onError: (e) => notifyError(e, 'Could not send a test'),
  });
  const rotate = useMutation({
    mutationFn: (id: string) => api.post<TWebhookWithSecret>(wsPath(ws, `/webhooks/${id}/rotate-secret`)),
    onSuccess: (w) => setSecret(w.secret),
    onError: (e) => notifyError(e, 'Could not rotate the secret'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(wsPath(ws, `/webhooks/${id}`)),
    onSuccess: async () => {
      notifySuccess('Webhook deleted');
      await refresh();
    },
    onError: (e) => notifyError(e, 'Could not delete the webhook'),
  });

  return (
    <SectionCard
      title="Webhooks"
      actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => { setEditing(null); form.open(); }}>Add webhook</Button>}
    >
      {list.isPending ? (
        <TableSkeleton rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} what="webhooks" />
      ) : list.data.items.length === 0 ? (
        <EmptyState framed={false} icon={<IconWebhook size={26} aria-hidden />} title="No webhooks yet" description="Add one to post goal and initiative changes into a chat channel or another tool." />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Webhooks" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Last delivery</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600}>{w.name}</Text>
                      <Badge variant="outline" color="gray">{FORMAT_LABELS[w.format]}</Badge>
                      {!w.active && <Badge color="gray">Off</Badge>}
                      {w.allowPrivate && <Badge color="orange" variant="light">Private addresses allowed</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{w.url}</Text>
                  </Table.Td>
                  <Table.Td>
                    {w.events.length === 0 ? <Text size="sm">All events</Text> : <Group gap={4}>{w.events.map((e) => <Code key={e}>{e}</Code>)}</Group>}
                  </Table.Td>
                  <Table.Td>
                    {w.lastDelivery ? (
                      <Group gap={6}>
                        <DeliveryBadge status={w.lastDelivery.status} />
                        <Text size="xs" c="dimmed">{w.lastDelivery.responseStatus ?? ''} {formatRelative(w.lastDelivery.at)}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">None yet</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => test.mutate(w.id)} loading={test.isPending && test.variables === w.id}>Test</Button>
                      <Button size="xs" variant="default" onClick={() => setLogOf(w)}>Log</Button>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${w.name}`}><IconDots size={16} aria-hidden /></ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => { setEditing(w); form.open(); }}>Edit</Menu.Item>
                          <Menu.Item
                            onClick={() => confirm({
                              title: 'Rotate the signing secret?', confirmLabel: 'Rotate',
                              message: 'The old secret stops working at once: update the receiver with the new one.', onConfirm: () => rotate.mutate(w.id),
                            })}
                          >
                            Rotate secret
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            onClick={() => confirm({
                              title: `Delete “${w.name}”?`, confirmLabel: 'Delete', danger: true,
                              message: 'The webhook and its delivery log are removed for good. Switch it off instead to keep them.', onConfirm: () => remove.mutate(w.id),
                            })}
                          >
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WebhookFormModal key={editing?.id ?? 'new'} editing={editing} opened={formOpen} onClose={form.close} />
      <DeliveriesDrawer webhook={logOf} onClose={() => setLogOf(null)} />
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title="Copy the new signing secret" size="lg">
        <Stack gap="md">
          <Text size="sm">This is the only time it is shown. The old secret no longer works.</Text>
          {secret && <CopyField label="Signing secret" value={secret} />}
          <Group justify="flex-end"><Button onClick={() => setSecret(null)}>I have copied it</Button></Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}

/** How a receiver checks that a request comes from Tandem. */
function VerifyCard() {
  return (
    <SectionCard title="Verifying deliveries" description="Every request carries X-Tandem-Event, X-Tandem-Delivery, X-Tandem-Timestamp and X-Tandem-Signature headers.">
      <Stack gap="xs">
        <Text size="sm">
          Compute the hex HMAC-SHA256 of <Code>{'<X-Tandem-Timestamp>.<raw request body>'}</Code> with the webhook’s signing secret, and compare
          <Code>sha256=&lt;hex&gt;</Code> with X-Tandem-Signature in constant time. Refuse timestamps more than five minutes old. In Node.js:
        </Text>
        <Code block>{`const expected = 'sha256=' + crypto.createHmac('sha256', secret)
  .update(req.headers['x-tandem-timestamp'] + '.' + rawBody).digest('hex');
const ok = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.headers['x-tandem-signature']));`}</Code>
        <Text size="sm" c="dimmed">
          A receiver answering 2xx marks the delivery done. Anything else is retried with growing pauses (30 s, 1 min, 2 min… up to 6 h) for
          8 attempts in all. The same event id (in the body) comes with a redelivery, so receivers can ignore duplicates.
        </Text>
      </Stack>
    </SectionCard>
  );
}
