import { ActionIcon, Box, Loader, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TGoal } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { CHILDREN_SHOWN, goalChildrenQuery } from './goals-api';
import { GoalRow, GoalsHead, useGoalLookups } from './goals-table';

type Lookups = ReturnType<typeof useGoalLookups>;

interface TreeProps {
  /** The top-level goals (as filtered). */
  roots: TGoal[];
  includeArchived: boolean;
}

/**
 * The goal tree: top-level (company) goals with the goals that contribute to them below,
 * indented. A goal's children are loaded when it is expanded.
 */
export function GoalsTree({ roots, includeArchived }: TreeProps) {
  const lookups = useGoalLookups();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table aria-label="Goal tree">
        <GoalsHead />
        <Table.Tbody>
          {roots.map((g) => (
            <Branch key={g.id} goal={g} depth={0} open={open} toggle={toggle} lookups={lookups} includeArchived={includeArchived} path={[]} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface BranchProps {
  goal: TGoal;
  depth: number;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
  lookups: Lookups;
  includeArchived: boolean;
  /** The goals above this one, so a cycle (which the API refuses) could never recurse. */
  path: string[];
}

function Branch({ goal, depth, open, toggle, lookups, includeArchived, path }: BranchProps) {
  const expandable = goal.childCount > 0 && !path.includes(goal.id);
  const expanded = expandable && open.has(goal.id);
  const lead = expandable ? (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="sm"
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Hide' : 'Show'} the ${goal.childCount} goal${goal.childCount === 1 ? '' : 's'} under ${goal.title}`}
      onClick={() => toggle(goal.id)}
    >
      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
    </ActionIcon>
  ) : (
    <Box w={22} style={{ flex: 'none' }} aria-hidden />
  );
  return (
    <>
      <GoalRow goal={goal} depth={depth} lead={lead} {...lookups} />
      {expanded && (
        <Children parent={goal} depth={depth + 1} open={open} toggle={toggle} lookups={lookups} includeArchived={includeArchived} path={[...path, goal.id]} />
      )}
    </>
  );
}

function Children({ parent, depth, ...rest }: Omit<BranchProps, 'goal'> & { parent: TGoal }) {
  const ws = useWorkspace();
  const children = useQuery(goalChildrenQuery(ws, parent.id, rest.includeArchived));
  const note = (text: React.ReactNode) => (
    <Table.Tr>
      <Table.Td colSpan={8}>
        <Box pl={depth * 28 + 30}>{text}</Box>
      </Table.Td>
    </Table.Tr>
  );
  if (children.isPending) return note(<Loader size="xs" role="status" aria-label={`Loading the goals under ${parent.title}`} />);
  if (children.isError) return note(<Text size="sm" c="red.8">Could not load the goals under “{parent.title}”.</Text>);
  const items = children.data.items;
  return (
    <>
      {items.map((g) => (
        <Branch key={g.id} goal={g} depth={depth} {...rest} />
      ))}
      {children.data.nextCursor && note(<Text size="sm" c="dimmed">Only the newest {CHILDREN_SHOWN} are shown.</Text>)}
    </>
  );
}
