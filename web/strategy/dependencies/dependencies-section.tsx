import { ActionIcon, Button, Group, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsSplit2, IconPlus, IconX } from '@tabler/icons-react';
import type { TDependencyEnd } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { formatRange } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { ArchivedBadge, InitiativeStatusBadge } from '../status';
import { useRemoveDependency } from './dependencies-api';
import { DependencyModal } from './dependency-modal';

interface DependenciesSectionProps {
  initiative: { id: string; title: string };
  dependsOn: TDependencyEnd[];
  dependents: TDependencyEnd[];
  canWrite: boolean;
}

function EndsTable({ caption, ends, canWrite, onRemove }: { caption: string; ends: TDependencyEnd[]; canWrite: boolean; onRemove: (e: TDependencyEnd) => void }) {
  const ws = useWorkspace();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Initiative</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={210}>Timeframe</Table.Th>
            {canWrite && (
              <Table.Th w={48}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ends.map((e) => (
            <Table.Tr key={e.dependencyId}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: e.id }} fw={600} size="sm">
                    {e.title}
                  </AnchorLink>
                  {e.archived && <ArchivedBadge />}
                </Group>
                {e.note && (
                  <Text size="xs" c="dimmed">
                    {e.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <InitiativeStatusBadge status={e.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatRange(e.startDate, e.endDate)}
                </Text>
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Tooltip label="Remove dependency">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove the dependency on ${e.title}`} onClick={() => onRemove(e)}>
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What an initiative depends on and what depends on it (finish-to-start), with add and remove. */
export function DependenciesSection({ initiative, dependsOn, dependents, canWrite }: DependenciesSectionProps) {
  const [adding, { open, close }] = useDisclosure(false);
  const remove = useRemoveDependency();
  const taken = [...dependsOn, ...dependents].map((e) => e.id);
  const ask = (e: TDependencyEnd, prerequisite: boolean) =>
    confirm({
      title: 'Remove this dependency?',
      message: prerequisite
        ? `“${initiative.title}” will no longer wait for “${e.title}”.`
        : `“${e.title}” will no longer wait for “${initiative.title}”.`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () => remove.mutate({ dependencyId: e.dependencyId, title: prerequisite ? e.title : initiative.title }),
    });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="dependencies-heading">
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Title order={2} fz="lg" id="dependencies-heading">
            Dependencies{' '}
            <Text span c="dimmed" fz="lg">
              ({dependsOn.length + dependents.length})
            </Text>
          </Title>
          <Text size="sm" c="dimmed">
            Finish to start: an initiative starts only after the last day of those it depends on.
          </Text>
        </div>
        {canWrite && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            Add dependency
          </Button>
        )}
      </Group>
      {dependsOn.length + dependents.length === 0 ? (
        <EmptyState
          framed={false}
          icon={<IconArrowsSplit2 size={26} aria-hidden />}
          title="No dependencies"
          description="Add the initiatives this one waits for, or those that wait for it, to see them on the roadmap."
        />
      ) : (
        <Stack gap="lg">
          {dependsOn.length > 0 && <EndsTable caption={`Depends on (${dependsOn.length})`} ends={dependsOn} canWrite={canWrite} onRemove={(e) => ask(e, true)} />}
          {dependents.length > 0 && <EndsTable caption={`Needed by (${dependents.length})`} ends={dependents} canWrite={canWrite} onRemove={(e) => ask(e, false)} />}
        </Stack>
      )}
      {canWrite && <DependencyModal opened={adding} onClose={close} initiative={initiative} taken={taken} />}
    </Paper>
  );
}
