import { Button, Checkbox, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { SetupRequest, type TMe } from '../../domain/platform/schemas';
import { api } from '../ui/api';
import { FormError } from '../ui/error-state';
import { useForm } from '../ui/form';
import { usePageTitle } from '../ui/page-title';
import { AuthLayout } from './auth-layout';
import { meQuery, rememberWorkspace, setupQuery } from './session';

/** First run: the owner's account and the first workspace, optionally with the demo. */
export function SetupPage() {
  usePageTitle('Set up Tandem');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ name: '', email: '', password: '', workspaceName: '', loadDemo: false });

  const setup = useMutation({
    mutationFn: (body: unknown) => api.post<TMe>('/setup', body),
    onSuccess: async (me) => {
      queryClient.setQueryData(setupQuery.queryKey, { needsSetup: false });
      queryClient.setQueryData(meQuery.queryKey, me);
      const ws = me.workspaces.find((w) => w.name === form.values.workspaceName.trim()) ?? me.workspaces[0];
      if (ws) rememberWorkspace(ws.slug);
      await navigate({ to: '/' });
    },
    onError: form.fail,
  });

  return (
    <AuthLayout
      title="Set up Tandem"
      subtitle="Create the owner account and your first workspace. You can invite colleagues afterwards."
      width={480}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(SetupRequest);
          if (body) setup.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="Your name" autoComplete="name" required data-autofocus {...form.text('name')} />
          <TextInput label="E-mail" type="email" autoComplete="email" required {...form.text('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters."
            autoComplete="new-password"
            required
            {...form.text('password')}
          />
          <Divider my={4} />
          <TextInput
            label="Workspace name"
            description="Usually your organisation, e.g. “Northwind Group”."
            required
            {...form.text('workspaceName')}
          />
          <Checkbox
            label="Load the demo workspace Acme Logistics"
            description="A second workspace with realistic example data, to explore Tandem. You can archive it later."
            checked={form.values.loadDemo}
            onChange={(e) => form.set('loadDemo', e.currentTarget.checked)}
          />
          <FormError message={form.formError} />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
            Create account and workspace
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            This page is shown only until the first account exists.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
