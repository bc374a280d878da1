import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TRoadmapShare, TRoadmapView } from '../../../domain/strategy/roadmap';
import { wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { CopyField } from '../../ui/copy-field';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { formatDate, formatRelative } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { sharesKey, sharesQuery } from './api';

interface ShareModalProps {
  ws: TWorkspace;
  opened: boolean;
  onClose: () => void;
  /** The view on screen: what a new link shows. */
  view: TRoadmapView;
  /** The view in words, e.g. "Swimlanes by team, quarters, status planned". */
  viewSummary: string;
}

/** Read-only links to the roadmap for people without an account: create (URL shown once), list, revoke. */
export function ShareModal({ ws, opened, onClose, view, viewSummary }: ShareModalProps) {
  const queryClient = useQueryClient();
  const shares = useQuery({ ...sharesQuery(ws), enabled: opened });
  const form = useForm({ name: '' });
  const [url, setUrl] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: unknown) => api.post<TRoadmapShare & { url: string }>(wsPath(ws, '/roadmap/shares'), body),
    onSuccess: async (s) => {
      setUrl(s.url);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: sharesKey(ws) });
    },
    onError: form.fail,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<TRoadmapShare>(wsPath(ws, `/roadmap/shares/${id}/revoke`)),
    onSuccess: async (s) => {
      notifySuccess(`“${s.name}” no longer works.`);
      await queryClient.invalidateQueries({ queryKey: sharesKey(ws) });
    },
    onError: (e) => notifyError(e, 'The link was not revoked.'),
  });

  function close() {
    setUrl(null);
    form.reset();
    onClose();
  }

  const items = shares.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={close} title="Share the roadmap" size="xl">
      <Stack gap="lg">
        {url ? (
          <Stack gap="sm">
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="This is the only time the link is shown">
              Anyone with the link can see this roadmap view without signing in: initiative titles, statuses, dates and milestones, no people. Copy it now; Tandem keeps only a hash of it.
            </Alert>
            <CopyField label="Share link" value={url} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUrl(null)}>
                Create another
              </Button>
            </Group>
          </Stack>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const name = form.values.name.trim();
              if (!name) return form.setErrors({ name: 'Give the link a name, e.g. who it is for.' });
              create.mutate({ name, view });
            }}
          >
            <Stack gap="sm">
              <TextInput
                label="Name"
                description="Who or what the link is for, e.g. “Board pack Q3”."
                required
                data-autofocus
                {...form.text('name')}
              />
              <Text size="sm">
                The link shows the current view: <strong>{viewSummary}</strong>. Visitors can move through time but not change the view.
              </Text>
              <FormError message={form.formError} />
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  Create link
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        <Stack gap="xs">
          <Text fw={600} size="sm">
            Links that work now
          </Text>
          {shares.isPending ? (
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last opened</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td>{formatDate(s.createdAt.slice(0, 10))}</Table.Td>
                      <Table.Td>{s.lastViewedAt ? formatRelative(s.lastViewedAt) : 'Never'}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={revoke.isPending && revoke.variables === s.id}
                          aria-label={`Revoke ${s.name}`}
                          onClick={() =>
                            confirm({
                              title: 'Revoke this link?',
                              message: `“${s.name}” stops working at once for everyone who has it.`,
                              confirmLabel: 'Revoke link',
                              danger: true,
                              onConfirm: () => revoke.mutate(s.id),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Stack>
    </Modal>
  );
}
