import { Alert, Button, Group, PasswordInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { Email, Password, PersonName, type TMe } from '../../domain/platform/schemas';
import { api, isApiError } from '../ui/api';
import { FormError } from '../ui/error-state';
import { AnchorLink, ButtonLink } from '../ui/links';
import { useForm } from '../ui/form';
import { usePageTitle } from '../ui/page-title';
import { AuthLayout } from './auth-layout';
import { ROLE_INFO } from './roles';
import { meQuery, rememberWorkspace } from './session';

const route = getRouteApi('/invite/$token');

interface Preview {
  workspaceName: string;
  role: 'viewer' | 'member' | 'admin' | 'owner';
  email: string | null;
  invitedBy: string | null;
}

const NewAccount = z.object({ name: PersonName, email: Email, password: Password });

/** An invitation link: join the workspace, signed in or with a new account. */
export function InvitePage() {
  usePageTitle('Invitation');
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<Preview>(`/invitations/${encodeURIComponent(token)}`),
  });
  const me = useQuery({ ...meQuery, retry: false });
  const form = useForm({ name: '', email: '', password: '' });

  const accept = useMutation({
    mutationFn: (body: unknown) => api.post<TMe>(`/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: async (next) => {
      const before = new Set(me.data?.workspaces.map((w) => w.id) ?? []);
      const joined =
        next.workspaces.find((w) => !before.has(w.id) && w.name === preview.data?.workspaceName) ??
        next.workspaces.find((w) => !before.has(w.id)) ??
        next.workspaces.find((w) => w.name === preview.data?.workspaceName);
      queryClient.setQueryData(meQuery.queryKey, next);
      if (joined) {
        rememberWorkspace(joined.slug);
        await navigate({ to: '/w/$ws', params: { ws: joined.slug } });
      } else {
        await navigate({ to: '/' });
      }
    },
    onError: form.fail,
  });

  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title="Invitation" subtitle="Checking your invitation…">
        <Stack>
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const gone = isApiError(preview.error, 404) || isApiError(preview.error, 410);
    return (
      <AuthLayout title="This invitation cannot be used">
        <Stack gap="md">
          <Text size="sm">
            {gone
              ? 'The link has expired, was revoked, or has already been used. Ask the person who invited you for a new one.'
              : preview.error.message}
          </Text>
          <ButtonLink to="/" variant="default">
            Go to Tandem
          </ButtonLink>
        </Stack>
      </AuthLayout>
    );
  }

  const inv = preview.data;
  const intro = (
    <Alert variant="light" icon={<IconMailOpened size={18} aria-hidden />} mb="lg">
      <Text size="sm">
        {inv.invitedBy ? <strong>{inv.invitedBy}</strong> : 'A workspace admin'} invited you to join{' '}
        <strong>{inv.workspaceName}</strong> as <strong>{ROLE_INFO[inv.role].label.toLowerCase()}</strong> (
        {ROLE_INFO[inv.role].description.toLowerCase()}).
      </Text>
    </Alert>
  );

  if (me.data) {
    return (
      <AuthLayout title={`Join ${inv.workspaceName}`}>
        {intro}
        <Stack gap="md">
          <Text size="sm">
            You are signed in as <strong>{me.data.user.name}</strong> ({me.data.user.email}).
          </Text>
          <FormError message={form.formError} />
          <Button onClick={() => accept.mutate({})} loading={accept.isPending} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={`Join ${inv.workspaceName}`}
      subtitle="Create your Tandem account to accept."
      footer={
        <>
          Already have an account?{' '}
          <AnchorLink to="/sign-in" search={{ next: `/invite/${token}` }} inherit underline="always">
            Sign in first
          </AnchorLink>
        </>
      }
    >
      {intro}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(NewAccount, { ...form.values, email: inv.email ?? form.values.email });
          if (body) accept.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="Your name" autoComplete="name" required data-autofocus {...form.text('name')} />
          {inv.email ? (
            <TextInput label="E-mail" value={inv.email} readOnly description="The invitation was sent to this address." />
          ) : (
            <TextInput label="E-mail" type="email" autoComplete="email" required {...form.text('email')} />
          )}
          <PasswordInput label="Password" description="At least 10 characters." autoComplete="new-password" required {...form.text('password')} />
          <FormError message={form.formError} />
          <Group grow>
            <Button type="submit" loading={accept.isPending}>
              Create account and join
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
