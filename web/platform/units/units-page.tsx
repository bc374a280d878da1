import { Button, Group, Paper, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TBusinessUnit } from '../../../domain/platform/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { unitsQuery } from '../queries';
import { UnitFormModal } from './unit-form-modal';
import { UnitsTable } from './units-table';

/** The business units IT serves, each with its head, IT liaison and sponsor. */
export function BusinessUnitsPage() {
  usePageTitle('Business units');
  const ws = useWorkspace();
  const canWrite = useCan('business-units.write');
  const units = useQuery(unitsQuery(ws));
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<TBusinessUnit | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const items = (units.data?.items ?? []).filter((u) => showArchived || !u.archivedAt);
  const archivedCount = (units.data?.items ?? []).filter((u) => u.archivedAt).length;

  return (
    <>
      <PageHeader
        title="Business units"
        description="The parts of the business IT works for. Each has a head, an IT liaison who keeps both sides close, and an executive sponsor."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New business unit
            </Button>
          )
        }
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label={`Show archived${archivedCount ? ` (${archivedCount})` : ''}`}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      </Group>
      {units.isPending ? (
        <TableSkeleton />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconBuildingCommunity size={28} aria-hidden />}
          title="No business units yet"
          description="Add the divisions or departments IT serves, such as Sales, Operations or Finance, so goals and initiatives can be assigned to them."
          action={
            canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={open}>
                Add the first business unit
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Paper withBorder>
          <UnitsTable units={items} canWrite={canWrite} onEdit={setEditing} />
        </Paper>
      )}
      {canWrite && (
        <>
          <UnitFormModal opened={creating} onClose={close} />
          {editing && <UnitFormModal key={editing.id} opened onClose={() => setEditing(null)} unit={editing} />}
        </>
      )}
    </>
  );
}
