import { Alert, Anchor, Button, Group, Paper, Select, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconMail, IconMailCheck } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EMAIL_STATUSES, type TEmailStatus } from '../../../domain/collaboration/email';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PagedList } from '../../ui/paged-list';
import { StatusBadge } from '../../ui/status-badge';
import { KIND_LABELS, outboxQuery, STATUS_INFO, useSendNow } from './outbox-api';
import { OutboxDrawer } from './outbox-drawer';

const STATUS_OPTIONS = EMAIL_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }));

/** Whether mail goes out, and what that means for the e-mails listed. */
function SmtpBanner({ configured }: { configured: boolean }) {
  return configured ? (
    <Alert color="teal" variant="light" icon={<IconMailCheck size={18} aria-hidden />} mb="md">
      E-mail is sent through the configured SMTP server. A failed send is retried after 1 minute, 5 minutes, 30 minutes and 2 hours before it is marked failed.
    </Alert>
  ) : (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="No SMTP server is configured" mb="md">
      Nothing is sent: e-mails are kept here as unsent. Set <code>SMTP_URL</code> and restart Tandem, then send the ones that still matter with “Send now”.
    </Alert>
  );
}

/** The workspace's e-mails: notifications, digests and invitations, with their delivery state. Admins only. */
export function OutboxPage() {
  usePageTitle('E-mail outbox');
  const ws = useWorkspace();
  const allowed = useCan('outbox.read');
  // Not in an archived workspace: it takes no changes, sending included.
  const canSend = useCan('outbox.send');
  const [status, setStatus] = useState<TEmailStatus | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInfiniteQuery({ ...outboxQuery(ws, status), enabled: allowed });
  const sendNow = useSendNow(ws);
  const smtpConfigured = list.data?.pages[0]?.smtpConfigured ?? false;

  return (
    <>
      <PageHeader title="E-mail outbox" description="Every e-mail Tandem sends for this workspace, and whether it went out." />
      {!allowed ? (
        <EmptyState icon={<IconMail size={28} aria-hidden />} title="Only admins and owners can see the outbox" description="Ask an admin of this workspace if an e-mail did not arrive." />
      ) : (
        <>
          {list.data && <SmtpBanner configured={smtpConfigured} />}
          <Group mb="md" align="flex-end">
            <Select label="Status" placeholder="Any status" data={STATUS_OPTIONS} value={status} onChange={setStatus} clearable w={200} />
          </Group>
          <PagedList
            query={list}
            skeleton={<TableSkeleton rows={6} />}
            empty={
              <EmptyState
                icon={<IconMail size={28} aria-hidden />}
                title={status ? `No ${STATUS_INFO[status].label.toLowerCase()} e-mails` : 'No e-mails yet'}
                description="Invitations, notifications and daily digests of this workspace appear here."
              />
            }
          >
            {(emails) => (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={820}>
                  <Table aria-label="E-mails" verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Created</Table.Th>
                        <Table.Th>To</Table.Th>
                        <Table.Th>Subject</Table.Th>
                        <Table.Th>Kind</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>Attempts</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {emails.map((e) => (
                        <Table.Tr key={e.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.to}</Table.Td>
                          <Table.Td>
                            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setOpenId(e.id)}>
                              {e.subject}
                            </Anchor>
                            {e.lastError && e.status !== 'sent' && (
                              <Text size="xs" c="red" lineClamp={1} title={e.lastError}>
                                {e.lastError}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{KIND_LABELS[e.kind]}</Table.Td>
                          <Table.Td>
                            <StatusBadge info={STATUS_INFO[e.status]} variant="light" />
                            {e.sentAt && (
                              <Text size="xs" c="dimmed">
                                {formatDateTime(e.sentAt)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{e.attempts}</Table.Td>
                          <Table.Td>
                            {canSend && (e.status === 'unsent' || e.status === 'failed') && (
                              <Tooltip label="Configure an SMTP server (SMTP_URL) first" disabled={smtpConfigured}>
                                <Button
                                  size="xs"
                                  variant="light"
                                  aria-label={`Send now: ${e.subject} to ${e.to}`}
                                  data-disabled={!smtpConfigured || undefined}
                                  aria-disabled={!smtpConfigured || undefined}
                                  onClick={(ev) => (smtpConfigured ? sendNow.mutate(e.id) : ev.preventDefault())}
                                  loading={sendNow.isPending && sendNow.variables === e.id}
                                >
                                  Send now
                                </Button>
                              </Tooltip>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </PagedList>
          <OutboxDrawer emailId={openId} smtpConfigured={smtpConfigured} onClose={() => setOpenId(null)} />
        </>
      )}
    </>
  );
}
