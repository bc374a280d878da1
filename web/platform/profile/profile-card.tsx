import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UpdateProfile, type TUser } from '../../../domain/platform/schemas';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { useMe } from '../session';
import { SectionCard } from '../../ui/section-card';

/** The user's name (the e-mail is the sign-in and stays as it is). */
export function ProfileCard() {
  const { user } = useMe();
  const queryClient = useQueryClient();
  const form = useForm({ name: user.name });
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<TUser>('/me', body),
    onSuccess: async () => {
      notifySuccess('Profile saved');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: form.fail,
  });
  return (
    <SectionCard title="Your profile" description="Your name is shown to the other members of your workspaces.">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(UpdateProfile);
          if (body) save.mutate(body);
        }}
      >
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput label="Name" autoComplete="name" w={{ base: '100%', sm: 320 }} description="As your colleagues see it." {...form.text('name')} />
          <TextInput label="E-mail" value={user.email} readOnly w={{ base: '100%', sm: 320 }} description="You sign in with it; it cannot be changed here." />
        </Group>
        <FormError message={form.formError} mt="md" />
        <Button type="submit" mt="md" loading={save.isPending} disabled={form.values.name.trim() === user.name}>
          Save profile
        </Button>
      </form>
    </SectionCard>
  );
}
