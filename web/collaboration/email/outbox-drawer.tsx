import { Alert, Badge, Box, Button, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCan, useWorkspace } from '../../app/workspace';
import { ErrorState } from '../../ui/error-state';
import { formatDateTime } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { KIND_LABELS, outboxEmailQuery, STATUS_INFO, useSendNow } from './outbox-api';

interface OutboxDrawerProps {
  emailId: string | null;
  smtpConfigured: boolean;
  onClose: () => void;
}

/** One e-mail of the outbox: who, what, its delivery state and the full text as sent (invitation links hidden). */
export function OutboxDrawer({ emailId, smtpConfigured, onClose }: OutboxDrawerProps) {
  const ws = useWorkspace();
  const email = useQuery({ ...outboxEmailQuery(ws, emailId ?? ''), enabled: emailId !== null });
  const canSend = useCan('outbox.send');
  const sendNow = useSendNow(ws);
  const e = email.data;
  return (
    <Drawer opened={emailId !== null} onClose={onClose} position="right" size="lg" title={e ? e.subject : 'E-mail'}>
      {email.isError ? (
        <ErrorState error={email.error} onRetry={() => void email.refetch()} what="e-mail" />
      ) : !e ? (
        <Stack>
          <Skeleton h={20} />
          <Skeleton h={200} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <StatusBadge info={STATUS_INFO[e.status]} variant="light" />
            <Badge color="gray" variant="outline" radius="sm" tt="none">
              {KIND_LABELS[e.kind]}
            </Badge>
          </Group>
          <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
            <Text component="dt" size="sm" c="dimmed">To</Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>{e.to}</Text>
            <Text component="dt" size="sm" c="dimmed">Created</Text>
            <Text component="dd" size="sm" m={0}>{formatDateTime(e.createdAt)}</Text>
            <Text component="dt" size="sm" c="dimmed">Attempts</Text>
            <Text component="dd" size="sm" m={0}>{e.attempts}</Text>
            {e.sentAt && (
              <>
                <Text component="dt" size="sm" c="dimmed">Sent</Text>
                <Text component="dd" size="sm" m={0}>{formatDateTime(e.sentAt)}</Text>
              </>
            )}
            {e.nextAttemptAt && (
              <>
                <Text component="dt" size="sm" c="dimmed">Next attempt</Text>
                <Text component="dd" size="sm" m={0}>{formatDateTime(e.nextAttemptAt)}</Text>
              </>
            )}
          </Box>
          {e.lastError && (
            <Alert color="red" variant="light" title="Last error">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{e.lastError}</Text>
            </Alert>
          )}
          {canSend && (e.status === 'unsent' || e.status === 'failed') && (
            <Group>
              <Button onClick={() => sendNow.mutate(e.id)} loading={sendNow.isPending} disabled={!smtpConfigured}>
                Send now
              </Button>
              {!smtpConfigured && <Text size="sm" c="dimmed">Configure an SMTP server (SMTP_URL) to send it.</Text>}
            </Group>
          )}
          <div>
            <Text size="sm" fw={600} mb={4} id="outbox-text-label">
              Text
            </Text>
            <Box
              component="pre"
              role="region"
              aria-labelledby="outbox-text-label"
              tabIndex={0}
              m={0}
              p="sm"
              fz="sm"
              bg="var(--mantine-color-default-hover)"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 'var(--mantine-radius-sm)', fontFamily: 'var(--mantine-font-family-monospace)' }}
            >
              {e.text}
            </Box>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
