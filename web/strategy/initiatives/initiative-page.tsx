import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useWorkspace } from '../../app/workspace';
import { formatDays, formatMoney } from '../../ui/format';
import { initiativeQuery } from '../api';
import { StrategyDetailPage } from '../detail-page';
import { InitiativeStatusBadge } from '../status';
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
  const query = useQuery(initiativeQuery(ws, initiativeId));
  return (
    <StrategyDetailPage
      kind="initiative"
      query={query}
      status={(i) => <InitiativeStatusBadge status={i.status} />}
      figures={(i) => (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
          <Figure label="Total cost" value={formatMoney(i.capex + i.opex, ws.currency)} />
          <Figure label="Capex" value={formatMoney(i.capex, ws.currency)} />
          <Figure label="Opex" value={formatMoney(i.opex, ws.currency)} />
          <Figure label="Effort" value={formatDays(i.effortDays)} />
        </SimpleGrid>
      )}
      editForm={(i, opened, onClose) => <InitiativeFormModal key={i.updatedAt} opened={opened} onClose={onClose} initiative={i} />}
    />
  );
}
