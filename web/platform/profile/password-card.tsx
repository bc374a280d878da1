import { Button, PasswordInput, SimpleGrid } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChangePassword } from '../../../domain/platform/schemas';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { SESSIONS_KEY } from './keys';
import { SectionCard } from '../../ui/section-card';

/** Change the password; the server signs out the user's other sessions. */
export function PasswordCard() {
  const queryClient = useQueryClient();
  const form = useForm({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: (body: unknown) => api.post('/me/password', body),
    onSuccess: async () => {
      form.reset();
      notifySuccess('Password changed. Your other sessions were signed out.');
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: form.fail,
  });
  return (
    <SectionCard title="Password" description="Changing it signs you out everywhere else.">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(ChangePassword);
          if (body) change.mutate(body);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={660}>
          <PasswordInput label="Current password" autoComplete="current-password" {...form.text('currentPassword')} />
          <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" {...form.text('newPassword')} />
        </SimpleGrid>
        <FormError message={form.formError} mt="md" />
        <Button type="submit" mt="md" variant="default" loading={change.isPending}>
          Change password
        </Button>
      </form>
    </SectionCard>
  );
}
