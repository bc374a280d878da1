import { Badge } from '@mantine/core';
import { dueState, OPEN_ACTION_STATUSES, type DueState, type TActionStatus } from '../../../domain/collaboration/actions';
import { formatDate } from '../../ui/format';
import { StatusBadge, type StatusInfo } from '../../ui/status-badge';

export const ACTION_STATUS: Record<TActionStatus, StatusInfo> = {
  open: { label: 'Open', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

/** Whether an item still needs doing (open or in progress). */
export function isOpenAction(status: TActionStatus): boolean {
  return (OPEN_ACTION_STATUSES as readonly TActionStatus[]).includes(status);
}

export function ActionStatusBadge({ status }: { status: TActionStatus }) {
  return <StatusBadge info={ACTION_STATUS[status]} />;
}

const DUE_COLOR: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', this_week: 'blue', later: 'gray', none: 'gray' };

/** The due date, coloured by how close it is (only open work is urgent). */
export function DueBadge({ dueDate, status, today }: { dueDate: string | null; status: TActionStatus; today: string }) {
  if (!dueDate) return null;
  const open = isOpenAction(status);
  const state = open ? dueState(dueDate, today) : 'later';
  const prefix = state === 'overdue' ? 'Overdue · ' : dueDate === today && open ? 'Today · ' : 'Due ';
  return (
    <Badge variant="light" color={DUE_COLOR[state]} radius="sm" tt="none" fw={600} style={{ minWidth: 'max-content' }}>
      {prefix}
      {formatDate(dueDate)}
    </Badge>
  );
}
