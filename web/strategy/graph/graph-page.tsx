import { Alert, Button, Center, Group, Loader, Paper, Select, Skeleton, Switch, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconHierarchy3, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useWorkspace } from '../../app/workspace';
import { useUnitOptions } from '../../platform/queries';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { alignmentGraphQuery } from './api';
import { GraphList } from './graph-list';
import { GraphLegend } from './legend';
import type { GraphSearch } from './search';

// React Flow and dagre are large: the drawing loads only when the Graph tab shows.
const GraphCanvas = lazy(() => import('./graph-canvas').then((m) => ({ default: m.GraphCanvas })));

const route = getRouteApi('/app/w/$ws/alignment/graph');

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function CanvasPlaceholder() {
  return <Skeleton h="min(72vh, 820px)" mih={420} radius="md" role="status" aria-label="Loading the graph" />;
}

/** The alignment graph: themes → goals → initiatives, with the gaps highlighted. */
export function AlignmentGraphPage() {
  usePageTitle('Alignment graph');
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const set = (next: Partial<GraphSearch>) => void navigate({ search: (s: GraphSearch) => ({ ...s, ...next }), replace: true });
  const filters = { themeId: search.theme, businessUnitId: search.unit, goalId: search.goal, includeInactive: search.inactive };
  const query = useQuery(alignmentGraphQuery(ws, filters));
  const units = useUnitOptions(ws, search.unit);
  const graph = query.data;
  const themeOptions = (graph?.themes ?? []).map((t) => ({ value: t.id, label: t.name }));
  const focusGoal = search.goal ? graph?.nodes.find((n) => n.id === search.goal) : undefined;
  const filtered = Boolean(search.theme || search.unit || search.goal || search.inactive);
  const gapsOnly = Boolean(search.gaps);

  return (
    <>
      <PageHeader
        title="Alignment graph"
        description="Themes, the goals under them and the initiatives that serve those goals. Orphan initiatives and goals no initiative supports stand out. Select an item to open it."
      />
      <Paper withBorder p="sm" mb="md">
        <Group gap="sm" wrap="wrap" align="center">
          <Select
            aria-label="Theme"
            placeholder="Any theme"
            data={themeOptions}
            value={search.theme ?? null}
            onChange={(v) => set({ theme: v ?? undefined })}
            clearable
            searchable
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            aria-label="Business unit"
            placeholder="Any business unit"
            data={units}
            value={search.unit ?? null}
            onChange={(v) => set({ unit: v ?? undefined })}
            clearable
            searchable
            w={{ base: '100%', xs: 210 }}
          />
          <Switch label="Show inactive items" checked={Boolean(search.inactive)} onChange={(e) => set({ inactive: e.currentTarget.checked || undefined })} />
          <Switch label="Highlight gaps only" checked={gapsOnly} onChange={(e) => set({ gaps: e.currentTarget.checked || undefined })} />
          {search.goal && (
            <Text size="sm">
              Around the goal <strong>{focusGoal?.title ?? '…'}</strong>
            </Text>
          )}
          {filtered && (
            <Button variant="subtle" leftSection={<IconX size={14} />} onClick={() => set({ theme: undefined, unit: undefined, goal: undefined, inactive: undefined })}>
              Clear filters
            </Button>
          )}
          {query.isFetching && <Loader size="xs" role="status" aria-label="Updating" />}
        </Group>
      </Paper>

      {query.isPending ? (
        <CanvasPlaceholder />
      ) : query.isError ? (
        <ErrorState error={query.error} what="graph" onRetry={() => void query.refetch()} />
      ) : graph!.nodes.length === 0 ? (
        <EmptyState
          icon={<IconHierarchy3 size={28} aria-hidden />}
          title={filtered ? 'Nothing matches these filters' : 'Nothing to show yet'}
          description={
            filtered
              ? 'Try another theme or business unit, or show inactive items.'
              : 'Add themes, goals and initiatives and link them: the graph shows how IT work serves the business.'
          }
        />
      ) : (
        <>
          {graph!.truncated && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Only part of the graph is shown" mb="md">
              <Text size="sm">{graph!.hint}</Text>
            </Alert>
          )}
          <Text size="sm" c="dimmed" mb="xs">
            {[
              count(graph!.totals.themes, 'theme'),
              count(graph!.totals.goals, 'goal'),
              count(graph!.totals.initiatives, 'initiative'),
              `${count(graph!.totals.unsupported, 'goal')} without an initiative`,
              count(graph!.totals.orphans, 'orphan initiative'),
            ].join(' · ')}
          </Text>
          <Tabs value={search.view ?? 'graph'} onChange={(v) => set({ view: v === 'list' ? 'list' : undefined })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="graph">Graph</Tabs.Tab>
              <Tabs.Tab value="list">List view</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="graph">
              {query.isPlaceholderData ? (
                <Center h={420}>
                  <Loader role="status" aria-label="Loading the graph" />
                </Center>
              ) : (
                <Suspense fallback={<CanvasPlaceholder />}>
                  <GraphCanvas key={JSON.stringify(filters)} graph={graph!} gapsOnly={gapsOnly} />
                </Suspense>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="list">
              <GraphList graph={graph!} gapsOnly={gapsOnly} />
            </Tabs.Panel>
          </Tabs>
          <GraphLegend totals={graph!.totals} />
        </>
      )}
    </>
  );
}
