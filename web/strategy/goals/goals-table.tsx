import { Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TGoal } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { useMemberNames, useUnitNames } from '../../platform/queries';
import { formatRange } from '../../ui/format';
import { ArchivedBadge, GoalStatusBadge } from '../status';

/** Goals as rows: title, status, unit, owner, weight, timeframe and linked initiatives. */
export function GoalsTable({ goals }: { goals: TGoal[] }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Goal</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Business unit</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Weight</Table.Th>
            <Table.Th>Timeframe</Table.Th>
            <Table.Th ta="right">Initiatives</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td maw={380}>
                <Group gap="xs" wrap="nowrap">
                  <Link to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: g.id }} className="tandem-row-link">
                    {g.title}
                  </Link>
                  {g.archivedAt && <ArchivedBadge />}
                </Group>
                {g.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {g.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <GoalStatusBadge status={g.status} />
              </Table.Td>
              <Table.Td>{g.businessUnitId ? (units.get(g.businessUnitId) ?? '—') : '—'}</Table.Td>
              <Table.Td>{g.ownerUserId ? (people.get(g.ownerUserId) ?? '—') : '—'}</Table.Td>
              <Table.Td ta="right">{g.weight}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatRange(g.startDate, g.endDate)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{g.linkCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
