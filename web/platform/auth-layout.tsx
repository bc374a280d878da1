import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from '../app/shell/brand';
import { ColorSchemeToggle } from '../app/shell/color-scheme-toggle';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}

/** The centred card of the pages before sign-in: setup, sign-in, invitations. */
export function AuthLayout({ title, subtitle, children, footer, width = 440 }: AuthLayoutProps) {
  return (
    <Box mih="100dvh" bg="var(--tandem-surface)">
      <Group component="header" justify="space-between" p="md">
        <Group gap={8}>
          <Brand />
        </Group>
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb={64} pt={{ base: 8, sm: 40 }}>
        <Stack component="main" w="100%" maw={width} gap="lg">
          <Box>
            <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }}>
              <Stack gap={4} mb="lg">
                <Title order={1} fz={24}>
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Paper>
          </Box>
          {footer && (
            <Text size="sm" c="dimmed" ta="center">
              {footer}
            </Text>
          )}
        </Stack>
      </Center>
    </Box>
  );
}
