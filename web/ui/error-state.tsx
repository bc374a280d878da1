import { Alert, Button, Group, Text, type MantineSpacing } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSearch } from '@tabler/icons-react';
import { ApiError } from './api';
import { EmptyState } from './empty-state';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  /** What was being loaded, for the not-found message: "goal", "workspace". */
  what?: string;
}

/** A friendly message for a failed load: not found, no access, or a retryable failure. */
export function ErrorState({ error, onRetry, what = 'page' }: ErrorStateProps) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState
        icon={<IconSearch size={28} aria-hidden />}
        title={`This ${what} was not found`}
        description={`It may have been removed, or it belongs to a workspace you are not a member of.`}
      />
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <EmptyState
        icon={<IconLock size={28} aria-hidden />}
        title="You do not have access to this"
        description={error.problem.detail ?? 'Your role in this workspace does not allow it. Ask an admin if you need it.'}
      />
    );
  }
  const title = error instanceof ApiError ? error.problem.title : 'Something went wrong';
  const detail = error instanceof Error ? error.message : 'The page could not be loaded.';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={title} role="alert">
      <Text size="sm">{detail}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}

/** The error of a form that no single field explains. */
export function FormError({ message, mt }: { message: string | null; mt?: MantineSpacing }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" py="xs" mt={mt}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
