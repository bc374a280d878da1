import { Box, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { TGoal, TInitiative } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { GoalStatusBadge, InitiativeStatusBadge } from '../../strategy/status';
import type { Page } from '../../ui/api';
import { formatRelative } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import classes from './home.module.css';

type RecentProps =
  | { kind: 'goal'; query: UseInfiniteQueryResult<InfiniteData<Page<TGoal>>> }
  | { kind: 'initiative'; query: UseInfiniteQueryResult<InfiniteData<Page<TInitiative>>> };

/** The five goals or initiatives changed last. */
export function RecentList(props: RecentProps) {
  const ws = useWorkspace();
  const { kind, query } = props;
  const items: (TGoal | TInitiative)[] = query.data?.pages[0]?.items ?? [];
  const recent = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5);
  const many = kind === 'goal' ? 'goals' : 'initiatives';

  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} fz="lg" mb="sm">
        Recently updated {many}
      </Title>
      {query.isPending ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={22} />
          ))}
        </Stack>
      ) : query.isError ? (
        <Text size="sm">The {many} could not be loaded.</Text>
      ) : recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {many} yet.
        </Text>
      ) : (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {recent.map((item) => (
            <li key={item.id} className={classes.row}>
              <Box style={{ flex: 1, minWidth: 0 }}>
                {kind === 'goal' ? (
                  <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: item.id }} size="sm" fw={600} lineClamp={1}>
                    {item.title}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: item.id }} size="sm" fw={600} lineClamp={1}>
                    {item.title}
                  </AnchorLink>
                )}
                <Text size="xs" c="dimmed">
                  Updated {formatRelative(item.updatedAt)}
                </Text>
              </Box>
              {'weight' in item ? (
                <GoalStatusBadge status={item.status} />
              ) : (
                <InitiativeStatusBadge status={item.status} />
              )}
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}
