import { Badge } from '@mantine/core';
import type { GOAL_STATUSES, INITIATIVE_STATUSES, TLinkStrength } from '../../domain/strategy/schemas';
import { StatusBadge, type StatusInfo } from '../ui/status-badge';

type GoalStatus = (typeof GOAL_STATUSES)[number];
type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const GOAL_STATUS: Record<GoalStatus, StatusInfo> = {
  draft: { label: 'Draft', color: 'gray' },
  active: { label: 'Active', color: 'blue' },
  achieved: { label: 'Achieved', color: 'teal' },
  missed: { label: 'Missed', color: 'red' },
};

export const INITIATIVE_STATUS: Record<InitiativeStatus, StatusInfo> = {
  proposed: { label: 'Proposed', color: 'gray' },
  planned: { label: 'Planned', color: 'cyan' },
  in_progress: { label: 'In progress', color: 'blue' },
  on_hold: { label: 'On hold', color: 'orange' },
  done: { label: 'Done', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export const LINK_STRENGTH: Record<TLinkStrength, { label: string; description: string; color: string }> = {
  weak: { label: 'Weak', description: 'Contributes a little', color: 'gray' },
  medium: { label: 'Medium', description: 'Contributes clearly', color: 'indigo' },
  strong: { label: 'Strong', description: 'Essential to the goal', color: 'violet' },
};

/** A goal's status as a coloured dot and a word. */
export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <StatusBadge info={GOAL_STATUS[status]} />;
}

/** An initiative's status as a coloured dot and a word. */
export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  return <StatusBadge info={INITIATIVE_STATUS[status]} />;
}

/** Shown beside an archived item's title. */
export function ArchivedBadge() {
  return (
    <Badge variant="default" radius="sm" tt="none" fw={600}>
      Archived
    </Badge>
  );
}
