import { Group, Paper, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { BuiltPath } from '../../app/areas';
import { useWorkspace } from '../../app/workspace';
import classes from './home.module.css';

interface StatCardProps {
  label: string;
  icon: ReactNode;
  /** null while loading. */
  value: string | null;
  hint?: string;
  to: Exclude<BuiltPath, ''>;
  error?: boolean;
}

/** A count on the home page that leads to its list. */
export function StatCard({ label, icon, value, hint, to, error }: StatCardProps) {
  const ws = useWorkspace();
  return (
    <Paper withBorder p="md" component={Link} to={`/w/${ws.slug}/${to}`} className={classes.card}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            {label}
          </Text>
          {error ? (
            <Text size="sm" mt={8}>
              Could not load
            </Text>
          ) : value === null ? (
            <Skeleton h={32} w={60} mt={6} />
          ) : (
            <Text fz={30} fw={700} lh={1.2} mt={4}>
              {value}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4} mih={18}>
            {hint ?? ''}
          </Text>
        </div>
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}
