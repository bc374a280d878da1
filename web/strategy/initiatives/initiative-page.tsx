import { Button, Grid, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PageSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { useMemberNames, useUnitNames } from '../../platform/queries';
import { ErrorState } from '../../ui/error-state';
import { formatDateTime, formatDays, formatMoney, formatRange } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { initiativeQuery } from '../api';
import { ArchiveButton } from '../archive-button';
import { DetailFacts } from '../detail-facts';
import { LinksSection } from '../links/links-section';
import { ArchivedBadge, InitiativeStatusBadge } from '../status';
import { InitiativeFormModal } from './initiative-form-modal';

const route = getRouteApi('/app/w/$ws/initiatives/$initiativeId');

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz={22} fw={700} mt={4}>
        {value}
      </Text>
    </Paper>
  );
}

/** One initiative: cost, effort, owner, and the goals it serves. */
export function InitiativePage() {
  const { initiativeId } = route.useParams();
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  const query = useQuery(initiativeQuery(ws, initiativeId));
  const [editing, { open, close }] = useDisclosure(false);
  usePageTitle(query.data?.title ?? 'Initiative');

  const back = (
    <AnchorLink to="/w/$ws/initiatives" params={{ ws: ws.slug }} size="sm" fw={500}>
      <IconArrowLeft size={14} style={{ verticalAlign: -2 }} aria-hidden /> Initiatives
    </AnchorLink>
  );
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Initiative" above={back} />
        <ErrorState error={query.error} what="initiative" onRetry={() => void query.refetch()} />
      </>
    );
  }
  const i = query.data;
  const editable = canWrite && !i.archivedAt;

  return (
    <>
      <PageHeader
        above={back}
        title={i.title}
        badges={
          <>
            <InitiativeStatusBadge status={i.status} />
            {i.archivedAt && <ArchivedBadge />}
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
              <ArchiveButton kind="initiative" id={i.id} title={i.title} archived={Boolean(i.archivedAt)} />
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
        <Figure label="Total cost" value={formatMoney(i.capex + i.opex, ws.currency)} />
        <Figure label="Capex" value={formatMoney(i.capex, ws.currency)} />
        <Figure label="Opex" value={formatMoney(i.opex, ws.currency)} />
        <Figure label="Effort" value={formatDays(i.effortDays)} />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Title order={2} fz="lg" mb="xs">
                Description
              </Title>
              <Text size="sm" c={i.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {i.description || 'No description yet.'}
              </Text>
            </Paper>
            <LinksSection from={{ kind: 'initiative', id: i.id, title: i.title }} links={i.links} canWrite={editable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DetailFacts
            facts={[
              ['Status', <InitiativeStatusBadge key="s" status={i.status} />],
              ['Business unit', i.businessUnitId ? (units.get(i.businessUnitId) ?? '—') : '—'],
              ['Owner', i.ownerUserId ? (people.get(i.ownerUserId) ?? '—') : '—'],
              ['Timeframe', formatRange(i.startDate, i.endDate)],
              ['Created', formatDateTime(i.createdAt)],
              ['Updated', formatDateTime(i.updatedAt)],
            ]}
          />
        </Grid.Col>
      </Grid>
      {editable && <InitiativeFormModal key={i.updatedAt} opened={editing} onClose={close} initiative={i} />}
    </>
  );
}
