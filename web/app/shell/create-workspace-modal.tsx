import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { CreateWorkspace, type TWorkspace } from '../../../domain/platform/schemas';
import { api } from '../../ui/api';
import { CurrencySelect } from '../../ui/currency-select';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';

/** Creates a workspace, with the user as its owner, and opens it. */
export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm({ name: '', slug: '', currency: 'EUR' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<TWorkspace>('/workspaces', body),
    onSuccess: async (ws) => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(`Workspace “${ws.name}” created`);
      close();
      await navigate({ to: '/w/$ws', params: { ws: ws.slug } });
    },
    onError: form.fail,
  });

  function close() {
    form.reset();
    onClose();
  }

  function submit() {
    const { name, slug, currency } = form.values;
    const body = form.parse(CreateWorkspace, { name, currency, slug: slug.trim() || undefined });
    if (body) create.mutate(body);
  }

  return (
    <Modal opened={opened} onClose={close} title="Create a workspace">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput label="Name" placeholder="e.g. Northwind Group IT" required data-autofocus {...form.text('name')} />
          <TextInput
            label="Address"
            description="Used in links: /w/<address>. Leave empty to derive it from the name."
            placeholder="northwind-it"
            {...form.text('slug')}
          />
          <CurrencySelect value={form.values.currency} onChange={(c) => form.set('currency', c)} error={form.errors.currency} />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
