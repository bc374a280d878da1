import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { TGoalDetail } from '../../../domain/strategy/schemas';
import { useCan, useWorkspace } from '../../app/workspace';
import { AnchorLink } from '../../ui/links';
import { goalQuery } from '../api';
import { StrategyDetailPage } from '../detail-page';
import { KeyResultsSection } from '../key-results/key-results-section';
import { ArchivedBadge, GoalStatusBadge } from '../status';
import { ThemeBadge } from '../themes/theme-badge';
import { useThemes } from '../themes/themes-api';
import { GoalFormModal } from './goal-form-modal';
import { formatProgress, ProgressBar } from './progress';

const route = getRouteApi('/app/w/$ws/goals/$goalId');

/** One goal: what it is, its key results and their check-ins, where it sits in the goal tree, and the initiatives that serve it. */
export function GoalPage() {
  const { goalId } = route.useParams();
  const ws = useWorkspace();
  const themes = useThemes(ws);
  const query = useQuery(goalQuery(ws, goalId));
  return (
    <StrategyDetailPage
      kind="goal"
      query={query}
      status={(g) => <GoalStatusBadge status={g.status} />}
      facts={(g) => {
        const theme = g.themeId ? themes.get(g.themeId) : undefined;
        return [
          ['Progress', formatProgress(g.progress)],
          ['Theme', theme ? <ThemeBadge theme={theme} /> : '—'],
          ['Parent goal', g.parent ? <GoalLink id={g.parent.id} title={g.parent.title} /> : 'None (top level)'],
          ['Weight', `${g.weight} of 100`],
        ];
      }}
      sections={(g) => <GoalSections goal={g} />}
      editForm={(g, opened, onClose) => <GoalFormModal key={g.updatedAt} opened={opened} onClose={onClose} goal={g} />}
    />
  );
}

function GoalLink({ id, title }: { id: string; title: string }) {
  const ws = useWorkspace();
  return (
    <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: id }} size="sm">
      {title}
    </AnchorLink>
  );
}

/** After the description: the key results, then the goal's place in the tree. */
function GoalSections({ goal }: { goal: TGoalDetail }) {
  const editable = useCan('strategy.write') && !goal.archivedAt;
  return (
    <>
      <KeyResultsSection goal={goal} canWrite={editable} />
      <SubGoals goal={goal} canWrite={editable} />
    </>
  );
}

function SubGoals({ goal, canWrite }: { goal: TGoalDetail; canWrite: boolean }) {
  const ws = useWorkspace();
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sub-goals-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="lg" id="sub-goals-heading">
          Goal tree
        </Title>
        {canWrite && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            Add a sub-goal
          </Button>
        )}
      </Group>
      <Text size="sm" mb="sm">
        <AnchorLink to="/w/$ws/alignment/graph" params={{ ws: ws.slug }} search={{ goal: goal.id }} size="sm" fw={500} style={{ float: 'right' }}>
          Show in the alignment graph
        </AnchorLink>
        {goal.parent ? (
          <>
            Contributes to <GoalLink id={goal.parent.id} title={goal.parent.title} />
            {goal.parent.archivedAt && (
              <>
                {' '}
                <ArchivedBadge />
              </>
            )}
          </>
        ) : (
          'A top-level goal.'
        )}
      </Text>
      {goal.children.length === 0 ? (
        <Text size="sm" c="dimmed">
          No goals contribute to this one yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Contributing goal</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goal.children.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <GoalLink id={c.id} title={c.title} />
                  </Table.Td>
                  <Table.Td>
                    <GoalStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <ProgressBar value={c.progress} label={`Progress of ${c.title}`} w={180} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && <GoalFormModal opened={adding} onClose={close} parent={{ id: goal.id, title: goal.title, themeId: goal.themeId }} />}
    </Paper>
  );
}
