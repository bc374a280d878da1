import { Badge, Box, Group, Loader, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { TKeyResult } from '../../../domain/strategy/key-results';
import { useWorkspace } from '../../app/workspace';
import { useMemberNames } from '../../platform/queries';
import { formatDateTime } from '../../ui/format';
import { checkInsQuery, formatValue } from './kr-api';

// The chart library is large: it loads with the first history opened, not with the goal page.
const CheckInChart = lazy(() => import('./check-in-chart').then((m) => ({ default: m.CheckInChart })));

/** A key result's check-ins: the chart of its values, then every check-in with its comment. */
export function CheckInHistory({ keyResult: k }: { keyResult: TKeyResult }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const checkIns = useQuery(checkInsQuery(ws, k.id));
  if (checkIns.isPending) return <Loader size="sm" role="status" aria-label={`Loading the check-ins of ${k.title}`} />;
  if (checkIns.isError) return <Text size="sm" c="red.8">Could not load the check-ins.</Text>;
  const items = checkIns.data.items;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet: the history starts with the first one.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Box component="figure" m={0}>
        <Suspense fallback={<Skeleton h={220} />}>
          <CheckInChart keyResult={k} checkIns={items} />
        </Suspense>
        <Text component="figcaption" size="xs" c="dimmed" mt={4}>
          {items.length} check-in{items.length === 1 ? '' : 's'}; the lines mark the target ({formatValue(k.target, k.unit)}) and the baseline (
          {formatValue(k.baseline, k.unit)}).
        </Text>
      </Box>
      <Timeline bulletSize={12} lineWidth={2} active={-1}>
        {items.map((c) => (
          <Timeline.Item
            key={c.id}
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {formatValue(c.value, k.unit)}
                </Text>
                {c.confidence !== null && (
                  <Badge variant="light" color="gray" radius="sm" tt="none">
                    Confidence {c.confidence}/10
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(c.checkedAt)}
              {c.authorUserId && people.get(c.authorUserId) ? ` · ${people.get(c.authorUserId)}` : ''}
            </Text>
            {c.comment && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {c.comment}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
