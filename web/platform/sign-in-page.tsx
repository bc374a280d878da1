import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { LoginRequest, type TMe } from '../../domain/platform/schemas';
import { api, isApiError } from '../ui/api';
import { FormError } from '../ui/error-state';
import { formatDateTime } from '../ui/format';
import { useForm } from '../ui/form';
import { usePageTitle } from '../ui/page-title';
import { AuthLayout } from './auth-layout';
import { meQuery } from './session';

const route = getRouteApi('/sign-in');

/** Sign in with e-mail and password, then back to where the user was going. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { next } = route.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ email: '', password: '' });

  const login = useMutation({
    mutationFn: (body: unknown) => api.post<TMe>('/auth/login', body),
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, me);
      queryClient.setQueryData(['setup'], { needsSetup: false });
      if (next) await navigate({ href: next });
      else await navigate({ to: '/' });
    },
    onError: form.fail,
  });

  const retryAt = isApiError(login.error, 429) ? login.error.problem.retryAt : undefined;

  return (
    <AuthLayout title="Sign in to Tandem" subtitle="Welcome back. Use the e-mail and password of your account.">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(LoginRequest);
          if (body) login.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="E-mail" type="email" autoComplete="username" required data-autofocus {...form.text('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.text('password')} />
          <FormError
            message={
              retryAt
                ? `Too many failed sign-ins. You can try again after ${formatDateTime(retryAt)}.`
                : form.formError
            }
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
