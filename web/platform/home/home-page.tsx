import { Button, Grid, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus, IconRocket, IconTarget, IconUsers } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCan, useWorkspace } from '../../app/workspace';
import { goalsQuery, initiativesQuery } from '../../strategy/api';
import { GoalFormModal } from '../../strategy/goals/goal-form-modal';
import { InitiativeFormModal } from '../../strategy/initiatives/initiative-form-modal';
import { visionQuery } from '../../strategy/themes/themes-api';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { membersQuery, unitsQuery } from '../queries';
import { useMe } from '../session';
import { GettingStarted } from './getting-started';
import { RecentList } from './recent-list';
import { StatCard } from './stat-card';

const PORTFOLIO = new Set(['planned', 'in_progress', 'on_hold']);

/** Count text of a first page: "200+" when there are more. */
function count(items: unknown[] | undefined, more: boolean): string | null {
  if (!items) return null;
  return more ? `${items.length}+` : String(items.length);
}

/** The workspace at a glance: how many goals, initiatives and units, and what changed lately. */
export function HomePage() {
  const ws = useWorkspace();
  const { user } = useMe();
  usePageTitle(ws.name);
  const canWrite = useCan('strategy.write');
  const [newGoalOpened, newGoal] = useDisclosure(false);
  const [newInitiativeOpened, newInitiative] = useDisclosure(false);
  const goals = useInfiniteQuery(goalsQuery(ws, {}, 200));
  const initiatives = useInfiniteQuery(initiativesQuery(ws, {}, 200));
  const units = useQuery(unitsQuery(ws));
  const members = useQuery(membersQuery(ws));
  const vision = useQuery(visionQuery(ws));

  const goalItems = goals.data?.pages[0]?.items;
  const initItems = initiatives.data?.pages[0]?.items;
  const activeUnits = units.data?.items.filter((u) => !u.archivedAt);
  const goalsMore = Boolean(goals.data?.pages[0]?.nextCursor);
  const initsMore = Boolean(initiatives.data?.pages[0]?.nextCursor);
  const allLoaded = Boolean(goalItems && initItems && activeUnits && members.data);
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <>
      <PageHeader
        title={ws.name}
        description={`Welcome back, ${firstName}. Here is where the workspace stands.`}
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={newGoal.open}>
                New goal
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={newInitiative.open}>
                New initiative
              </Button>
            </>
          )
        }
      />
      {vision.data?.statement && (
        <Paper withBorder p="lg" mb="lg" component="section" aria-label="Our vision">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <div>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
                Our vision{vision.data.horizon ? ` · ${vision.data.horizon}` : ''}
              </Text>
              <Text fz="lg" fw={600} mt={4}>
                {vision.data.statement}
              </Text>
            </div>
            <AnchorLink to="/w/$ws/strategy" params={{ ws: ws.slug }} size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              Vision & themes
            </AnchorLink>
          </Group>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing={{ base: 'sm', sm: 'md' }} mb="lg">
        <StatCard
          label="Goals"
          icon={<IconTarget size={20} />}
          value={count(goalItems, goalsMore)}
          hint={goalItems && !goalsMore ? `${goalItems.filter((g) => g.status === 'active').length} active` : undefined}
          to="goals"
          error={goals.isError}
        />
        <StatCard
          label="Initiatives"
          icon={<IconRocket size={20} />}
          value={count(initItems, initsMore)}
          hint={initItems && !initsMore ? `${initItems.filter((i) => PORTFOLIO.has(i.status)).length} in the portfolio` : undefined}
          to="initiatives"
          error={initiatives.isError}
        />
        <StatCard
          label="Business units"
          icon={<IconBuildingCommunity size={20} />}
          value={activeUnits ? String(activeUnits.length) : null}
          to="business-units"
          error={units.isError}
        />
        <StatCard
          label="Members"
          icon={<IconUsers size={20} />}
          value={members.data ? String(members.data.items.length) : null}
          to="members"
          error={members.isError}
        />
      </SimpleGrid>
      {canWrite && allLoaded && (
        <GettingStarted
          progress={{
            units: (activeUnits?.length ?? 0) > 0,
            goals: (goalItems?.length ?? 0) > 0,
            initiatives: (initItems?.length ?? 0) > 0,
            links: Boolean(goalItems?.some((g) => g.linkCount > 0)),
            people: (members.data?.items.length ?? 0) > 1,
          }}
        />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RecentList kind="goal" query={goals} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RecentList kind="initiative" query={initiatives} />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt="lg">
        Counts leave out archived items.
      </Text>
      {canWrite && (
        <>
          <GoalFormModal opened={newGoalOpened} onClose={newGoal.close} />
          <InitiativeFormModal opened={newInitiativeOpened} onClose={newInitiative.close} />
        </>
      )}
    </>
  );
}
