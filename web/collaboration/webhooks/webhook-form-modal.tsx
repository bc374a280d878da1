import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  COMMON_WEBHOOK_EVENTS, CreateWebhook, type TWebhook, type TWebhookFormat, type TWebhookWithSecret, UpdateWebhook,
} from '../../../domain/collaboration/webhooks';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { CopyField } from '../../ui/copy-field';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { webhooksKey } from './keys';

type Values = { name: string; url: string; format: TWebhookFormat; events: string[]; active: boolean; allowPrivate: boolean };
const empty: Values = { name: '', url: '', format: 'json', events: [], active: true, allowPrivate: false };

/** Creates or edits a webhook; after creating, shows the signing secret once. */
export function WebhookFormModal({ editing, opened, onClose }: { editing: TWebhook | null; opened: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const initial: Values = editing
    ? { name: editing.name, url: editing.url, format: editing.format, events: editing.events, active: editing.active, allowPrivate: editing.allowPrivate }
    : empty;
  const form = useForm<Values>(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: unknown): Promise<TWebhook & { secret?: string }> =>
      editing ? api.patch<TWebhook>(wsPath(ws, `/webhooks/${editing.id}`), body) : api.post<TWebhookWithSecret>(wsPath(ws, '/webhooks'), body),
    onSuccess: async (w) => {
      await queryClient.invalidateQueries({ queryKey: webhooksKey(ws.id) });
      if (w.secret) setSecret(w.secret);
      else close();
    },
    onError: form.fail,
  });

  function close() {
    form.reset(empty);
    setSecret(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={secret ? 'Copy the signing secret' : editing ? 'Edit webhook' : 'Add a webhook'} size="lg" closeOnClickOutside={!secret}>
      {secret ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="This is the only time the secret is shown">
            The receiver uses it to check that a request really comes from Tandem (see “Verifying deliveries”). You can rotate it later.
          </Alert>
          <CopyField label="Signing secret" value={secret} />
          <Group justify="flex-end">
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const body = form.parse(editing ? UpdateWebhook : CreateWebhook);
            if (body) save.mutate(body);
          }}
        >
          <Stack gap="md">
            <TextInput label="Name" required data-autofocus description="E.g. “#strategy channel” or “ServiceNow sync”." {...form.text('name')} />
            <TextInput label="URL" required placeholder="https://hooks.slack.com/services/…" description="http or https; Tandem POSTs each event here." {...form.text('url')} />
            <Select
              label="Format"
              data={[
                { value: 'json', label: 'JSON (Tandem event)' },
                { value: 'slack', label: 'Slack incoming webhook' },
                { value: 'teams', label: 'Microsoft Teams (Adaptive Card)' },
              ]}
              value={form.values.format}
              onChange={(v) => {
                if (v === 'json' || v === 'slack' || v === 'teams') form.set('format', v);
              }}
              allowDeselect={false}
              error={form.errors.format}
            />
            <TagsInput
              label="Events"
              description="Pick actions or type your own (goal.update, or goal.* for every goal action). Leave empty for every event."
              data={[...COMMON_WEBHOOK_EVENTS]}
              value={form.values.events}
              onChange={(v) => form.set('events', v)}
              error={form.errors.events ?? Object.entries(form.errors).find(([k]) => k.startsWith('events.'))?.[1]}
              clearable
            />
            <Switch label="Active" description="A switched-off webhook keeps its settings and log but sends nothing." checked={form.values.active} onChange={(e) => form.set('active', e.currentTarget.checked)} />
            <Checkbox
              label="Allow private addresses"
              description="Lets this webhook reach hosts on private networks, such as a receiver on your intranet."
              checked={form.values.allowPrivate}
              onChange={(e) => form.set('allowPrivate', e.currentTarget.checked)}
            />
            {form.values.allowPrivate && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Only for receivers on your own network">
                Requests come from the Tandem server and may then reach any host on its private networks (10.0.0.0/8, 172.16.0.0/12,
                192.168.0.0/16, 100.64.0.0/10, fc00::/7), including internal services that are otherwise out of reach. Turn this on only for a
                receiver you run yourself. The Tandem server itself (localhost), link-local and cloud-metadata addresses (169.254.x.x) stay blocked
                unless the server&apos;s operator allows them. The delivery log keeps only the status code of replies from these addresses, not their
                content.
              </Alert>
            )}
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={save.isPending}>{editing ? 'Save' : 'Add webhook'}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
