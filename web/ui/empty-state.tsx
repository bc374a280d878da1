import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** Draw it on a bordered card (for a page section) or bare (inside a card). */
  framed?: boolean;
}

/** What a list shows when there is nothing in it yet, and how to add the first item. */
export function EmptyState({ icon, title, description, action, framed = true }: EmptyStateProps) {
  const body = (
    <MantineEmptyState icon={icon} title={title} description={description} variant="light" size={framed ? 'md' : 'sm'} py={framed ? 'xl' : 'md'}>
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
  return framed ? (
    <Paper withBorder radius="md" p="lg">
      {body}
    </Paper>
  ) : (
    body
  );
}
