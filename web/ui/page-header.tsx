import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** Shown above the title, e.g. a link back to the list. */
  above?: ReactNode;
  /** Shown beside the title, e.g. a status badge. */
  badges?: ReactNode;
}

/** The top of every page, holding its single <h1>. */
export function PageHeader({ title, description, actions, above, badges }: PageHeaderProps) {
  return (
    <Box component="header" mb="lg">
      {above && <Box mb={6}>{above}</Box>}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} fz={{ base: 24, sm: 28 }} fw={700} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" size="sm" maw={760}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Box>
  );
}
