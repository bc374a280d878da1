import { Button, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { UpdateWorkspace, type TWorkspace } from '../../../domain/platform/schemas';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { CurrencySelect } from '../../ui/currency-select';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';

/** Name, address (slug) and currency; read-only below admin. */
export function GeneralCard() {
  const ws = useWorkspace();
  const canManage = useCan('workspace.manage');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ name: ws.name, slug: ws.slug, currency: ws.currency });
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<TWorkspace>(wsPath(ws), body),
    onSuccess: async (next) => {
      notifySuccess('Workspace settings saved');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      if (next.slug !== ws.slug) await navigate({ to: '/w/$ws/settings', params: { ws: next.slug }, replace: true });
    },
    onError: form.fail,
  });
  const changed = form.values.name !== ws.name || form.values.slug !== ws.slug || form.values.currency !== ws.currency;

  return (
    <SectionCard
      title="General"
      description={canManage ? 'Changing the address changes every link to this workspace.' : 'Only admins and owners can change these.'}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const v = form.values;
          const body = form.parse(UpdateWorkspace, {
            name: v.name !== ws.name ? v.name : undefined,
            slug: v.slug !== ws.slug ? v.slug : undefined,
            currency: v.currency !== ws.currency ? v.currency : undefined,
          });
          if (body) save.mutate(body);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" readOnly={!canManage} {...form.text('name')} />
          <TextInput label="Address" description={`${window.location.origin}/w/${form.values.slug || '…'}`} readOnly={!canManage} {...form.text('slug')} />
          <CurrencySelect
            value={form.values.currency}
            onChange={(c) => form.set('currency', c)}
            error={form.errors.currency}
            disabled={!canManage}
            description="Amounts are stored as numbers; this only changes how they read."
          />
        </SimpleGrid>
        <FormError message={form.formError} mt="md" />
        {canManage && (
          <Button type="submit" mt="md" loading={save.isPending} disabled={!changed}>
            Save changes
          </Button>
        )}
      </form>
    </SectionCard>
  );
}
