import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconMapPinOff } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ButtonLink } from '../ui/links';
import { usePageTitle } from '../ui/page-title';
import { BrandMark } from './shell/brand';

interface NotFoundProps {
  /** Outside the app shell (an unknown address before sign-in). */
  fullPage?: boolean;
  what?: string;
}

/** A missing page or a workspace the user cannot see: the same words for both, by design. */
export function NotFoundPage({ fullPage = false, what = 'page' }: NotFoundProps) {
  usePageTitle('Not found');
  return (
    <Center mih={fullPage ? '100dvh' : 420} p="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        {fullPage ? <BrandMark size={40} /> : <IconMapPinOff size={44} stroke={1.4} aria-hidden />}
        <Title order={1} fz={28}>
          {what === 'workspace' ? 'Workspace not found' : 'Page not found'}
        </Title>
        <Text c="dimmed">
          {what === 'workspace'
            ? 'There is no such workspace, or you are not a member of it. Ask one of its admins for an invitation.'
            : 'The address may be mistyped, or the page has moved.'}
        </Text>
        <ButtonLink to="/" mt="sm">
          Go to your workspace
        </ButtonLink>
      </Stack>
    </Center>
  );
}

/** The last resort when a page cannot load at all (the server is down, for instance). */
export function FullPageError({ error, reset }: ErrorComponentProps) {
  usePageTitle('Something went wrong');
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <IconAlertTriangle size={44} stroke={1.4} color="var(--mantine-color-red-8)" aria-hidden />
        <Title order={1} fz={28}>
          Tandem could not load this page
        </Title>
        <Text c="dimmed">{error instanceof Error ? error.message : 'An unexpected error occurred.'}</Text>
        <Group mt="sm">
          <Button onClick={() => (reset ? reset() : window.location.reload())}>Try again</Button>
          <Button variant="default" component="a" href="/">
            Start page
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
