import { IconTarget } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { GOAL_STATUSES } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { goalsQuery } from '../api';
import { StrategyListPage } from '../list-page';
import { GOAL_STATUS } from '../status';
import { GoalFormModal } from './goal-form-modal';
import { GoalsTable } from './goals-table';

const route = getRouteApi('/app/w/$ws/goals');
const statusOptions = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS[s].label }));

/** The business goals of the workspace. */
export function GoalsPage() {
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useInfiniteQuery(
    goalsQuery(ws, { status: search.status, businessUnitId: search.unit, q: search.q, includeArchived: search.archived }),
  );
  return (
    <StrategyListPage
      one="goal"
      many="goals"
      title="Goals"
      description="What the business wants to achieve. Link initiatives to a goal to show how IT work serves it."
      emptyDescription="Goals say what the business wants to achieve this year: growth, cost, risk, customer experience."
      icon={<IconTarget size={28} aria-hidden />}
      statusOptions={statusOptions}
      search={search}
      onSearch={(next) => void navigate({ search: next, replace: true })}
      list={list}
      table={(goals) => <GoalsTable goals={goals} />}
      createModal={(opened, onClose) => <GoalFormModal opened={opened} onClose={onClose} />}
    />
  );
}
