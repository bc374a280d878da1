import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconRocket } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PagedList } from '../../ui/paged-list';
import { initiativeListQuery } from './list-query';
import { INITIATIVE_STATUS } from '../status';
import { InitiativeFilters } from './initiative-filters';
import { InitiativeFormModal } from './initiative-form-modal';
import { InitiativesTable } from './initiatives-table';

const route = getRouteApi('/app/w/$ws/initiatives');
const statusOptions = INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS[s].label }));

/** The IT portfolio of the workspace. */
export function InitiativesPage() {
  usePageTitle('Initiatives');
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const list = useInfiniteQuery(
    initiativeListQuery(ws, {
      status: search.status, businessUnitId: search.unit, teamId: search.team, kind: search.kind, riskLevel: search.risk, q: search.q,
      includeArchived: search.archived, fields: search.fields,
    }),
  );
  const filtered = Boolean(search.status || search.unit || search.q || search.archived || search.team || search.kind || search.risk || search.fields);
  const newButton = (label: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Initiatives"
        description="The IT portfolio: projects, programmes and epics with their cost, effort, risk, team and the goals they serve."
        actions={canWrite && newButton('New initiative')}
      />
      <InitiativeFilters search={search} statusOptions={statusOptions} onChange={(next) => void navigate({ search: next, replace: true })} />
      <PagedList
        query={list}
        skeleton={<TableSkeleton />}
        empty={
          <EmptyState
            icon={<IconRocket size={28} aria-hidden />}
            title={filtered ? 'No initiatives match these filters' : 'No initiatives yet'}
            description={
              filtered
                ? 'Try another status, team, kind or risk level, or clear the search.'
                : 'Initiatives are the IT work that serves the business: projects, programmes and improvements.'
            }
            action={!filtered && canWrite ? newButton('Create the first initiative') : undefined}
          />
        }
      >
        {(items) => (
          <Paper withBorder>
            <InitiativesTable initiatives={items} />
          </Paper>
        )}
      </PagedList>
      {canWrite && <InitiativeFormModal opened={creating} onClose={close} />}
    </>
  );
}
