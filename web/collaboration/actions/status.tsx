import { Badge } from '@mantine/core';
import { dueState, type DueState, type TActionStatus } from '../../../domain/collaboration/actions';
import { formatDate } from '../../ui/format';

export const ACTION_STATUS: Record<TActionStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export function ActionStatusBadge({ status }: { status: TActionStatus }) {
  const s = ACTION_STATUS[status];
  return (
    <Badge variant="dot" color={s.color} radius="sm" tt="none" fw={600} style={{ minWidth: 'max-content' }}>
      {s.label}
    </Badge>
  );
}

const DUE_COLOR: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', this_week: 'blue', later: 'gray', none: 'gray' };

/** The due date, coloured by how close it is (only open work is urgent). */
export function DueBadge({ dueDate, status, today }: { dueDate: string | null; status: TActionStatus; today: string }) {
  if (!dueDate) return null;
  const open = status === 'open' || status === 'in_progress';
  const state = open ? dueState(dueDate, today) : 'later';
  const prefix = state === 'overdue' ? 'Overdue · ' : dueDate === today && open ? 'Today · ' : 'Due ';
  return (
    <Badge variant="light" color={DUE_COLOR[state]} radius="sm" tt="none" fw={600} style={{ minWidth: 'max-content' }}>
      {prefix}
      {formatDate(dueDate)}
    </Badge>
  );
}
