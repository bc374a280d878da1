import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCan, useWorkspace } from '../../app/workspace';
import { useTeamNames } from '../../platform/teams/queries';
import { formatDays, formatMoney } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { initiativeQuery } from '../api';
import { DependenciesSection } from '../dependencies/dependencies-section';
import { StrategyDetailPage } from '../detail-page';
import { MilestonesSection } from '../milestones/milestones-section';
import { InitiativeStatusBadge } from '../status';
import { InitiativeFormModal } from './initiative-form-modal';
import { INITIATIVE_KIND } from './labels';
import { RiskBadge } from './risk-badge';

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

/** The parent programme's title, linked (read from its own page's query, shared with it). */
function ParentLink({ id }: { id: string }) {
  const ws = useWorkspace();
  const parent = useQuery(initiativeQuery(ws, id));
  return (
    <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: id }} size="sm">
      {parent.data?.title ?? 'Open'}
    </AnchorLink>
  );
}

/** One initiative: cost, effort, milestones, dependencies, owner, team, and the goals it serves. */
export function InitiativePage() {
  const { initiativeId } = route.useParams();
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const teams = useTeamNames(ws);
  const query = useQuery(initiativeQuery(ws, initiativeId));
  return (
    <StrategyDetailPage
      kind="initiative"
      query={query}
      status={(i) => <InitiativeStatusBadge status={i.status} />}
      facts={(i) => [
        ['Kind', INITIATIVE_KIND[i.kind].label],
        ['Risk', <RiskBadge key="risk" level={i.riskLevel} />],
        ['Team', i.teamId ? (teams.get(i.teamId) ?? '—') : '—'],
        ['Part of', i.parentInitiativeId ? <ParentLink key="parent" id={i.parentInitiativeId} /> : '—'],
      ]}
      figures={(i) => (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
          <Figure label="Total cost" value={formatMoney(i.capex + i.opex, ws.currency)} />
          <Figure label="Capex" value={formatMoney(i.capex, ws.currency)} />
          <Figure label="Opex" value={formatMoney(i.opex, ws.currency)} />
          <Figure label="Effort" value={formatDays(i.effortDays)} />
        </SimpleGrid>
      )}
      sections={(i) => {
        const editable = canWrite && !i.archivedAt;
        return (
          <>
            <MilestonesSection initiative={i} milestones={i.milestones} canWrite={editable} />
            <DependenciesSection initiative={i} dependsOn={i.dependsOn} dependents={i.dependents} canWrite={editable} />
          </>
        );
      }}
      editForm={(i, opened, onClose) => <InitiativeFormModal key={i.updatedAt} opened={opened} onClose={onClose} initiative={i} />}
    />
  );
}
