import { Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PageSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { useMemberNames, useUnitNames } from '../../platform/queries';
import { ErrorState } from '../../ui/error-state';
import { formatDateTime, formatRange } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { goalQuery } from '../api';
import { ArchiveButton } from '../archive-button';
import { DetailFacts } from '../detail-facts';
import { LinksSection } from '../links/links-section';
import { ArchivedBadge, GoalStatusBadge } from '../status';
import { GoalFormModal } from './goal-form-modal';

const route = getRouteApi('/app/w/$ws/goals/$goalId');

/** One goal: what it is, who owns it, and the initiatives that serve it. */
export function GoalPage() {
  const { goalId } = route.useParams();
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  const goal = useQuery(goalQuery(ws, goalId));
  const [editing, { open, close }] = useDisclosure(false);
  usePageTitle(goal.data?.title ?? 'Goal');

  const back = (
    <AnchorLink to="/w/$ws/goals" params={{ ws: ws.slug }} size="sm" fw={500}>
      <IconArrowLeft size={14} style={{ verticalAlign: -2 }} aria-hidden /> Goals
    </AnchorLink>
  );
  if (goal.isPending) return <PageSkeleton />;
  if (goal.isError) {
    return (
      <>
        <PageHeader title="Goal" above={back} />
        <ErrorState error={goal.error} what="goal" onRetry={() => void goal.refetch()} />
      </>
    );
  }
  const g = goal.data;
  const editable = canWrite && !g.archivedAt;

  return (
    <>
      <PageHeader
        above={back}
        title={g.title}
        badges={
          <>
            <GoalStatusBadge status={g.status} />
            {g.archivedAt && <ArchivedBadge />}
          </>
        }
        actions={
          canWrite && (
            <>
              {editable && (
                <Button leftSection={<IconPencil size={16} />} onClick={open}>
                  Edit
                </Button>
              )}
              <ArchiveButton kind="goal" id={g.id} title={g.title} archived={Boolean(g.archivedAt)} />
            </>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Title order={2} fz="lg" mb="xs">
                Description
              </Title>
              <Text size="sm" c={g.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {g.description || 'No description yet.'}
              </Text>
            </Paper>
            <LinksSection from={{ kind: 'goal', id: g.id, title: g.title }} links={g.links} canWrite={editable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DetailFacts
            facts={[
              ['Status', <GoalStatusBadge key="s" status={g.status} />],
              ['Weight', `${g.weight} of 100`],
              ['Business unit', g.businessUnitId ? (units.get(g.businessUnitId) ?? '—') : '—'],
              ['Owner', g.ownerUserId ? (people.get(g.ownerUserId) ?? '—') : '—'],
              ['Timeframe', formatRange(g.startDate, g.endDate)],
              ['Created', formatDateTime(g.createdAt)],
              ['Updated', formatDateTime(g.updatedAt)],
            ]}
          />
        </Grid.Col>
      </Grid>
      {editable && <GoalFormModal key={g.updatedAt} opened={editing} onClose={close} goal={g} />}
    </>
  );
}
