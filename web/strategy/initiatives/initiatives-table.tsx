import { Badge, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TInitiative } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { useMemberNames, useUnitNames } from '../../platform/queries';
import { formatDays, formatMoney, formatRange } from '../../ui/format';
import { useTeamNames } from '../../platform/teams/queries';
import { ArchivedBadge, InitiativeStatusBadge } from '../status';
import { INITIATIVE_KIND } from './labels';
import { RiskBadge } from './risk-badge';

/** Initiatives as rows: title and kind, status, risk, unit and team, owner, cost, effort, timeframe and linked goals. */
export function InitiativesTable({ initiatives }: { initiatives: TInitiative[] }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  const teams = useTeamNames(ws);
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Initiative</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Risk</Table.Th>
            <Table.Th>Business unit</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Cost</Table.Th>
            <Table.Th ta="right">Effort</Table.Th>
            <Table.Th>Timeframe</Table.Th>
            <Table.Th ta="right">Goals</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {initiatives.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td maw={360}>
                <Group gap="xs" wrap="nowrap">
                  <Link to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: i.id }} className="tandem-row-link">
                    {i.title}
                  </Link>
                  {i.kind !== 'project' && (
                    <Badge variant="default" radius="sm" tt="none" fw={600} style={{ minWidth: 'max-content' }}>
                      {INITIATIVE_KIND[i.kind].label}
                    </Badge>
                  )}
                  {i.archivedAt && <ArchivedBadge />}
                </Group>
                {i.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {i.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <InitiativeStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <RiskBadge level={i.riskLevel} />
              </Table.Td>
              <Table.Td>{i.businessUnitId ? (units.get(i.businessUnitId) ?? '—') : '—'}</Table.Td>
              <Table.Td>{i.teamId ? (teams.get(i.teamId) ?? '—') : '—'}</Table.Td>
              <Table.Td>{i.ownerUserId ? (people.get(i.ownerUserId) ?? '—') : '—'}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(i.capex + i.opex, ws.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatDays(i.effortDays)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatRange(i.startDate, i.endDate)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{i.linkCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
