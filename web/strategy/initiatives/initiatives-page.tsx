import { IconRocket } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { initiativesQuery } from '../api';
import { StrategyListPage } from '../list-page';
import { INITIATIVE_STATUS } from '../status';
import { InitiativeFormModal } from './initiative-form-modal';
import { InitiativesTable } from './initiatives-table';

const route = getRouteApi('/app/w/$ws/initiatives');
const statusOptions = INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS[s].label }));

/** The IT portfolio of the workspace. */
export function InitiativesPage() {
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useInfiniteQuery(
    initiativesQuery(ws, { status: search.status, businessUnitId: search.unit, q: search.q, includeArchived: search.archived }),
  );
  return (
    <StrategyListPage
      one="initiative"
      many="initiatives"
      title="Initiatives"
      description="The IT portfolio: projects and programmes with their cost, effort and the goals they serve."
      emptyDescription="Initiatives are the IT work that serves the business: projects, programmes and improvements."
      icon={<IconRocket size={28} aria-hidden />}
      statusOptions={statusOptions}
      search={search}
      onSearch={(next) => void navigate({ search: next, replace: true })}
      list={list}
      table={(items) => <InitiativesTable initiatives={items} />}
      createModal={(opened, onClose) => <InitiativeFormModal opened={opened} onClose={onClose} />}
    />
  );
}
