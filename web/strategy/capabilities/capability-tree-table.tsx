import { Table, Text, UnstyledButton } from '@mantine/core';
import type { TCapability } from '../../../domain/strategy/capabilities';
import { useWorkspace } from '../../app/workspace';
import { useMemberNames } from '../../platform/queries';
import { GapBadge, maturityText, rollupText, unknownGapLabel } from './heat';

/** The capability tree as a table: indented names, owner, maturities, gap, roll-up and links. */
export function CapabilityTreeTable({ items, onOpen }: { items: TCapability[]; onOpen: (id: string) => void }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Capabilities" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Capability</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Maturity (current → target)</Table.Th>
            <Table.Th>Gap</Table.Th>
            <Table.Th>Sub-capabilities</Table.Th>
            <Table.Th>Goals</Table.Th>
            <Table.Th>Initiatives</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <UnstyledButton
                  onClick={() => onOpen(c.id)}
                  aria-haspopup="dialog"
                  style={{ paddingLeft: `calc(${c.depth} * var(--mantine-spacing-lg))`, textAlign: 'left' }}
                >
                  <Text size="sm" fw={c.depth === 0 ? 700 : 500} c="var(--mantine-primary-color-filled)" td="underline" component="span">
                    {c.name}
                  </Text>
                  {c.archivedAt && (
                    <Text size="xs" component="span">
                      {' '}
                      (archived)
                    </Text>
                  )}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{c.ownerUserId ? (people.get(c.ownerUserId) ?? '—') : '—'}</Table.Td>
              <Table.Td>{maturityText(c.currentMaturity, c.targetMaturity)}</Table.Td>
              <Table.Td>
                <GapBadge gap={c.gap} unknown={unknownGapLabel(c)} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{rollupText(c) ?? '—'}</Text>
              </Table.Td>
              <Table.Td>{c.goals.length}</Table.Td>
              <Table.Td>{c.initiatives.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
