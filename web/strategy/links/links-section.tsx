import { ActionIcon, Button, Group, Paper, Select, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconPlus, IconUnlink } from '@tabler/icons-react';
import { LINK_STRENGTHS, type TGoalLink } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { AnchorLink } from '../../ui/links';
import { LINK_STRENGTH } from '../status';
import { LinkModal } from './link-modal';
import { useLinkActions } from './links-api';

interface LinksSectionProps {
  from: { kind: 'goal' | 'initiative'; id: string; title: string };
  links: TGoalLink[];
  canWrite: boolean;
}

const strengthOptions = LINK_STRENGTHS.map((s) => ({ value: s, label: LINK_STRENGTH[s].label }));

/** The other ends of a goal's or an initiative's links: change strength, unlink, link more. */
export function LinksSection({ from, links, canWrite }: LinksSectionProps) {
  const ws = useWorkspace();
  const [linking, { open, close }] = useDisclosure(false);
  const { update, remove } = useLinkActions();
  const onGoal = from.kind === 'goal';
  const heading = onGoal ? 'Linked initiatives' : 'Goals served';
  const other = (l: TGoalLink) => (onGoal ? { id: l.initiativeId, title: l.initiativeTitle } : { id: l.goalId, title: l.goalTitle });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`links-heading-${from.id}`}>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} fz="lg" id={`links-heading-${from.id}`}>
            {heading} <Text span c="dimmed" fz="lg">({links.length})</Text>
          </Title>
          <Text size="sm" c="dimmed">
            {onGoal ? 'IT initiatives that contribute to this goal.' : 'Business goals this initiative contributes to.'}
          </Text>
        </div>
        {canWrite && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            {onGoal ? 'Link initiative' : 'Link goal'}
          </Button>
        )}
      </Group>
      {links.length === 0 ? (
        <EmptyState
          framed={false}
          icon={<IconLink size={26} aria-hidden />}
          title={onGoal ? 'No initiative is linked yet' : 'Not linked to any goal yet'}
          description={
            onGoal
              ? 'A goal without initiatives has no IT work behind it.'
              : 'An initiative that serves no goal is an orphan in the portfolio.'
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{onGoal ? 'Initiative' : 'Goal'}</Table.Th>
                <Table.Th w={150}>Strength</Table.Th>
                <Table.Th>Rationale</Table.Th>
                {canWrite && (
                  <Table.Th w={60}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.map((l) => {
                const o = other(l);
                return (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      {onGoal ? (
                        <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: o.id }} fw={600} size="sm">
                          {o.title}
                        </AnchorLink>
                      ) : (
                        <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: o.id }} fw={600} size="sm">
                          {o.title}
                        </AnchorLink>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canWrite ? (
                        <Select
                          size="xs"
                          aria-label={`Strength of the link to ${o.title}`}
                          data={strengthOptions}
                          value={l.strength}
                          allowDeselect={false}
                          onChange={(v) => v && v !== l.strength && update.mutate({ id: l.id, strength: v })}
                        />
                      ) : (
                        <Text size="sm">{LINK_STRENGTH[l.strength].label}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={l.rationale ? undefined : 'dimmed'}>
                        {l.rationale || '—'}
                      </Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Tooltip label="Unlink">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Unlink ${o.title}`}
                            onClick={() =>
                              confirm({
                                title: 'Remove this link?',
                                message: `“${l.goalTitle}” and “${l.initiativeTitle}” will no longer be linked. You can link them again later.`,
                                confirmLabel: 'Unlink',
                                danger: true,
                                onConfirm: () => remove.mutate(l.id),
                              })
                            }
                          >
                            <IconUnlink size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <LinkModal opened={linking} onClose={close} from={from} linkedIds={links.map((l) => other(l).id)} />
      )}
    </Paper>
  );
}
