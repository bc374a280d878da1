import { Button, Group, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconPlus, IconPuzzle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { capabilitiesQuery } from './capabilities-api';
import { CapabilityDrawer } from './capability-drawer';
import { NewCapabilityModal } from './capability-form';
import { CapabilityMap } from './capability-map';
import { CapabilityTreeTable } from './capability-tree-table';
import { GapLegend } from './heat';
import type { CapabilitySearch } from './search';

const route = getRouteApi('/app/w/$ws/capabilities');

/**
 * The business capability map: what the organisation must be able to do, how mature each
 * capability is against its target (the gap as a heat map), and the goals and initiatives
 * behind each one.
 */
export function CapabilitiesPage() {
  usePageTitle('Capabilities');
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = (next: CapabilitySearch) => void navigate({ search: next, replace: true });
  const query = useQuery(capabilitiesQuery(ws, Boolean(search.archived)));
  const [creatingUnder, setCreatingUnder] = useState<string | null | undefined>(undefined);
  const items = query.data?.items ?? [];
  const selected = search.capability ? (items.find((c) => c.id === search.capability) ?? null) : null;
  const open = (id: string) => go({ ...search, capability: id });

  return (
    <>
      <PageHeader
        title="Capability map"
        description="The capabilities the organisation needs now and in the future, with their current and target maturity (1–5). The gap between the two shows where to invest; link each capability to the goals it serves and the initiatives that build it."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreatingUnder(null)}>
              New capability
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label="Show capabilities as"
            data={[
              { value: 'map', label: 'Heat map' },
              { value: 'table', label: 'Tree table' },
            ]}
            value={search.view === 'table' ? 'table' : 'map'}
            onChange={(v) => go({ ...search, view: v === 'table' ? 'table' : undefined })}
          />
          <Switch
            label="Show archived"
            checked={Boolean(search.archived)}
            onChange={(e) => go({ ...search, archived: e.currentTarget.checked || undefined })}
          />
        </Group>
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={6}>
            Gap = target − current maturity
          </Text>
          <GapLegend />
          <Text size="xs" c="dimmed" mt={6}>
            A capability with sub-capabilities shows the worst gap below it and the mean of their maturities; one without an assessment of its own takes its colour from that worst gap.
          </Text>
        </Paper>
        {query.isPending ? (
          <TableSkeleton rows={4} />
        ) : query.isError ? (
          <ErrorState error={query.error} what="capability map" onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconPuzzle size={28} aria-hidden />}
            title="No capabilities yet"
            description="Start with the top-level capabilities of the business (e.g. Transport, Warehousing, Customer service), then add what each consists of."
            action={
              canWrite && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreatingUnder(null)}>
                  New capability
                </Button>
              )
            }
          />
        ) : search.view === 'table' ? (
          <CapabilityTreeTable items={items} onOpen={open} />
        ) : (
          <CapabilityMap items={items} selectedId={selected?.id ?? null} onOpen={open} />
        )}
      </Stack>
      <CapabilityDrawer
        capability={selected}
        all={items}
        onClose={() => go({ ...search, capability: undefined })}
        onAddChild={(parentId) => {
          go({ ...search, capability: undefined });
          setCreatingUnder(parentId);
        }}
      />
      {canWrite && (
        <NewCapabilityModal
          opened={creatingUnder !== undefined}
          parentId={creatingUnder ?? null}
          all={items}
          onClose={() => setCreatingUnder(undefined)}
          onCreated={(c) => open(c.id)}
        />
      )}
    </>
  );
}
