import { Button, Group, Paper, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TTeam } from '../../../domain/platform/teams';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { teamsQuery } from './queries';
import { TeamFormModal } from './team-form-modal';
import { TeamsTable } from './teams-table';

/** The delivery teams: who builds and runs the initiatives. */
export function TeamsPage() {
  usePageTitle('Teams');
  const ws = useWorkspace();
  const canWrite = useCan('teams.write');
  const teams = useQuery(teamsQuery(ws));
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<TTeam | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const all = teams.data?.items ?? [];
  const items = all.filter((t) => showArchived || !t.archivedAt);
  const archivedCount = all.filter((t) => t.archivedAt).length;
  const newButton = (label: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Teams"
        description="The teams that deliver the IT initiatives, each with a lead and, where it has one, the business unit it mainly works for."
        actions={canWrite && newButton('New team')}
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label={`Show archived${archivedCount ? ` (${archivedCount})` : ''}`}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      </Group>
      {teams.isPending ? (
        <TableSkeleton />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={28} aria-hidden />}
          title="No teams yet"
          description="Add the teams that deliver IT work, such as Platform, Warehouse systems or Service desk, so initiatives can name who delivers them."
          action={canWrite ? newButton('Add the first team') : undefined}
        />
      ) : (
        <Paper withBorder>
          <TeamsTable teams={items} canWrite={canWrite} onEdit={setEditing} />
        </Paper>
      )}
      {canWrite && (
        <>
          <TeamFormModal opened={creating} onClose={close} />
          {editing && <TeamFormModal key={editing.id} opened onClose={() => setEditing(null)} team={editing} />}
        </>
      )}
    </>
  );
}
