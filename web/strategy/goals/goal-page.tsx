import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useWorkspace } from '../../app/workspace';
import { goalQuery } from '../api';
import { StrategyDetailPage } from '../detail-page';
import { GoalStatusBadge } from '../status';
import { GoalFormModal } from './goal-form-modal';

const route = getRouteApi('/app/w/$ws/goals/$goalId');

/** One goal: what it is, who owns it, and the initiatives that serve it. */
export function GoalPage() {
  const { goalId } = route.useParams();
  const ws = useWorkspace();
  const query = useQuery(goalQuery(ws, goalId));
  return (
    <StrategyDetailPage
      kind="goal"
      query={query}
      status={(g) => <GoalStatusBadge status={g.status} />}
      facts={(g) => [['Weight', `${g.weight} of 100`]]}
      editForm={(g, opened, onClose) => <GoalFormModal key={g.updatedAt} opened={opened} onClose={onClose} goal={g} />}
    />
  );
}
