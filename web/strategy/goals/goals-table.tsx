import { Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TGoal } from '../../../domain/strategy/schemas';
import type { TTheme } from '../../../domain/strategy/themes';
import { useWorkspace } from '../../app/workspace';
import { useMemberNames, useUnitNames } from '../../platform/queries';
import { formatRange } from '../../ui/format';
import { ArchivedBadge, GoalStatusBadge } from '../status';
import { ThemeBadge } from '../themes/theme-badge';
import { useThemes } from '../themes/themes-api';
import { ProgressBar } from './progress';

/** The column headers of the goal list and tree. */
export function GoalsHead() {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Goal</Table.Th>
        <Table.Th>Status</Table.Th>
        <Table.Th>Progress</Table.Th>
        <Table.Th>Business unit</Table.Th>
        <Table.Th>Owner</Table.Th>
        <Table.Th ta="right">Weight</Table.Th>
        <Table.Th>Timeframe</Table.Th>
        <Table.Th ta="right">Initiatives</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

interface GoalRowProps {
  goal: TGoal;
  themes: Map<string, TTheme>;
  people: Map<string, string>;
  units: Map<string, string>;
  /** Before the title: the tree's expand button (or a spacer). */
  lead?: ReactNode;
  /** The tree's indentation. */
  depth?: number;
}

/** One goal as a table row. */
export function GoalRow({ goal: g, themes, people, units, lead, depth = 0 }: GoalRowProps) {
  const ws = useWorkspace();
  const theme = g.themeId ? themes.get(g.themeId) : undefined;
  return (
    <Table.Tr>
      <Table.Td maw={460}>
        <Group gap="xs" wrap="nowrap" align="flex-start" pl={depth * 28}>
          {lead}
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Link to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: g.id }} className="tandem-row-link">
                {g.title}
              </Link>
              {g.archivedAt && <ArchivedBadge />}
            </Group>
            {(theme || g.description) && (
              <Group gap={6} wrap="nowrap" mt={2}>
                {theme && <ThemeBadge theme={theme} size="xs" />}
                {g.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {g.description}
                  </Text>
                )}
              </Group>
            )}
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        <GoalStatusBadge status={g.status} />
      </Table.Td>
      <Table.Td>
        <ProgressBar value={g.progress} label={`Progress of ${g.title}`} w={150} />
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
  );
}

/** What the rows need to name themes, people and units. */
export function useGoalLookups() {
  const ws = useWorkspace();
  return { themes: useThemes(ws), people: useMemberNames(ws), units: useUnitNames(ws) };
}

/** Goals as rows: title with theme, status, progress, unit, owner, weight, timeframe and linked initiatives. */
export function GoalsTable({ goals }: { goals: TGoal[] }) {
  const lookups = useGoalLookups();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table>
        <GoalsHead />
        <Table.Tbody>
          {goals.map((g) => (
            <GoalRow key={g.id} goal={g} {...lookups} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
