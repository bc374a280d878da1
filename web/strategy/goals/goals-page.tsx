import { Button, Group, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { GOAL_STATUSES } from '../../../domain/strategy/schemas';
import type { GoalSearch } from '../../app/router';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PagedList } from '../../ui/paged-list';
import { ListFilters } from '../list-filters';
import { GOAL_STATUS } from '../status';
import { useThemeOptions } from '../themes/themes-api';
import { TemplateImportButton } from '../templates/template-import-modal';
import { GoalFormModal } from './goal-form-modal';
import { goalListQuery } from './goals-api';
import { GoalsTable } from './goals-table';
import { GoalsTree } from './goals-tree';

const route = getRouteApi('/app/w/$ws/goals');
const statusOptions = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS[s].label }));

/** The business goals of the workspace, as a list or as the goal tree. */
export function GoalsPage() {
  usePageTitle('Goals');
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const themeOptions = useThemeOptions(ws, search.theme);
  const [creating, { open, close }] = useDisclosure(false);
  const tree = search.view === 'tree';
  const go = (next: GoalSearch) => void navigate({ search: next, replace: true });
  const filters = { status: search.status, businessUnitId: search.unit, q: search.q, includeArchived: search.archived, themeId: search.theme, fields: search.fields };
  const list = useInfiniteQuery(goalListQuery(ws, tree ? { ...filters, parentGoalId: 'none' } : filters));
  const filtered = Boolean(search.status || search.unit || search.q || search.archived || search.theme || search.fields);
  const newButton = (label: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Goals"
        description="What the business wants to achieve, from company goals down to business-unit goals, measured by key results. Link initiatives to a goal to show how IT work serves it."
        actions={
          <>
            <TemplateImportButton />
            {canWrite && newButton('New goal')}
          </>
        }
      />
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Show goals as"
          data={[
            { value: 'list', label: 'List' },
            { value: 'tree', label: 'Tree' },
          ]}
          value={tree ? 'tree' : 'list'}
          onChange={(v) => go({ ...search, view: v === 'tree' ? 'tree' : undefined })}
        />
        <Select
          aria-label="Theme"
          placeholder="Any theme"
          data={themeOptions}
          value={search.theme ?? null}
          onChange={(v) => go({ ...search, theme: v ?? undefined })}
          clearable
          searchable
          nothingFoundMessage="No theme by that name"
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      <ListFilters noun="goals" entityType="goal" search={search} statusOptions={statusOptions} onChange={(next) => go({ ...next, view: search.view })} />
      {tree && (
        <Text size="sm" c="dimmed" mb="sm">
          The filters choose the top-level goals; expand a goal to see the goals that contribute to it.
        </Text>
      )}
      <PagedList
        query={list}
        skeleton={<TableSkeleton />}
        empty={
          <EmptyState
            icon={<IconTarget size={28} aria-hidden />}
            title={filtered ? 'No goals match these filters' : 'No goals yet'}
            description={
              filtered
                ? 'Try another status, theme or business unit, or clear the search.'
                : 'Goals say what the business wants to achieve this year: growth, cost, risk, customer experience.'
            }
            action={!filtered && canWrite ? newButton('Create the first goal') : undefined}
          />
        }
      >
        {(goals) => <Paper withBorder>{tree ? <GoalsTree roots={goals} includeArchived={Boolean(search.archived)} /> : <GoalsTable goals={goals} />}</Paper>}
      </PagedList>
      {canWrite && <GoalFormModal opened={creating} onClose={close} />}
    </>
  );
}
