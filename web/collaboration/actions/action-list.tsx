import { Paper } from '@mantine/core';
import type { TActionItem } from '../../../domain/collaboration/actions';
import { ActionRow } from './action-row';

interface ActionListProps {
  items: TActionItem[];
  today: string;
  onOpen: (id: string) => void;
  hideSource?: boolean;
  hideOwner?: boolean;
  /** Accessible name of the list. */
  label: string;
}

const divider = { borderTop: '1px solid var(--mantine-color-default-border)' };

/** Action items as a bordered list of rows (reads well at phone width, unlike a wide table). */
export function ActionList({ items, label, ...rowProps }: ActionListProps) {
  return (
    <Paper withBorder component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, i) => (
        <li key={item.id} style={i > 0 ? divider : undefined}>
          <ActionRow item={item} {...rowProps} />
        </li>
      ))}
    </Paper>
  );
}
