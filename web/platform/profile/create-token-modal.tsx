import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateApiToken, type TApiToken } from '../../../domain/platform/schemas';
import { api } from '../../ui/api';
import { CopyField } from '../../ui/copy-field';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { TOKENS_KEY } from './keys';

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Creates a token and shows its secret once, with a copy button. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; scope: 'read' | 'read_write'; expiresOn: string }>({ name: '', scope: 'read', expiresOn: inDays(90) });
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<TApiToken & { token: string }>('/me/tokens', body),
    onSuccess: async (t) => {
      setSecret(t.token);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: form.fail,
  });

  function close() {
    form.reset({ name: '', scope: 'read', expiresOn: inDays(90) });
    setSecret(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={secret ? 'Copy your new token' : 'Create an API token'} size="lg" closeOnClickOutside={!secret}>
      {secret ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="This is the only time the token is shown">
            Copy it now and keep it somewhere safe, such as a password manager. Tandem stores only a hash of it.
          </Alert>
          <CopyField label="Token" value={secret} />
          <Group justify="flex-end">
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const v = form.values;
            const body = form.parse(CreateApiToken, { name: v.name, scope: v.scope, expiresOn: v.expiresOn || null });
            if (body) create.mutate(body);
          }}
        >
          <Stack gap="md">
            <TextInput label="Name" description="What the token is for, e.g. “Power BI export”." required data-autofocus {...form.text('name')} />
            <Radio.Group label="Access" value={form.values.scope} onChange={(v) => form.set('scope', v)} error={form.errors.scope}>
              <Stack gap="xs" mt={6}>
                <Radio value="read" label="Read only" description="Can read everything you can read, and change nothing." />
                <Radio value="read_write" label="Read and write" description="Can also make every change you can make." />
              </Stack>
            </Radio.Group>
            <TextInput
              type="date"
              label="Expires on"
              description="The last day the token works. Leave empty for a token that does not expire."
              {...form.text('expiresOn')}
            />
            <FormError message={form.formError} />
            <Text size="xs" c="dimmed">
              The token acts with your role in each of your workspaces.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
