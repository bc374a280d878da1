import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TRole } from '../../../domain/platform/permissions';
import { CreateInvitation, type TInvitation } from '../../../domain/platform/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { CopyField } from '../../ui/copy-field';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { ROLE_INFO } from '../roles';
import { roleOptions } from './role-options';

type Created = TInvitation & { url: string };

/** Creates an invitation and shows its link once, to copy and send. */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm<{ email: string; role: TRole }>({ email: '', role: 'member' });
  const [created, setCreated] = useState<Created | null>(null);
  const invite = useMutation({
    mutationFn: (body: unknown) => api.post<Created>(wsPath(ws, '/invitations'), body),
    onSuccess: async (inv) => {
      setCreated(inv);
      await queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'invitations'] });
    },
    onError: form.fail,
  });

  function close() {
    form.reset();
    setCreated(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Invitation created' : `Invite people to ${ws.name}`} size="lg">
      {created ? (
        <Stack gap="md">
          {created.emailSent ? (
            <Alert color="teal" variant="light" icon={<IconMailCheck size={18} aria-hidden />}>
              An e-mail with this link is on its way to {created.email}.
            </Alert>
          ) : (
            <Alert variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {created.email ? 'No e-mail was sent (mail is not set up on this server). ' : ''}
              Send this link yourself. It is shown only now, works once, and expires on{' '}
              {new Date(created.expiresAt).toLocaleDateString()}.
            </Alert>
          )}
          <CopyField label="Invitation link" value={created.url} />
          <Text size="sm" c="dimmed">
            Whoever opens the link joins as {ROLE_INFO[created.role].label.toLowerCase()}.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const body = form.parse(CreateInvitation, { email: form.values.email.trim() || undefined, role: form.values.role });
            if (body) invite.mutate(body);
          }}
        >
          <Stack gap="md">
            <TextInput
              label="E-mail"
              description="Optional. When mail is set up on this server, the link is e-mailed to this address."
              type="email"
              data-autofocus
              {...form.text('email')}
            />
            <Select
              label="Role"
              data={roleOptions(ws.role)}
              value={form.values.role}
              onChange={(v) => v && form.set('role', v)}
              allowDeselect={false}
              description={ROLE_INFO[form.values.role].description}
              error={form.errors.role}
            />
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
