import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TActionSource } from '../../../domain/collaboration/actions';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TGoal, TInitiative } from '../../../domain/strategy/schemas';
import { wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';

/** A source as one select value: `type:id`. */
export const sourceValue = (type: string, id: string) => `${type}:${id}`;

export function parseSource(value: string | null): { sourceType: string | null; sourceId: string | null } {
  if (!value) return { sourceType: null, sourceId: null };
  const at = value.indexOf(':');
  return { sourceType: value.slice(0, at), sourceId: value.slice(at + 1) };
}

interface SourceSelectProps {
  ws: TWorkspace;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The item's current source, kept as an option even when it is of another kind or archived. */
  current: TActionSource | null;
  error?: string;
}

/** "Linked to": a goal or an initiative of the workspace, or nothing. */
export function SourceSelect({ ws, value, onChange, current, error }: SourceSelectProps) {
  // Under the strategy keys, so a change to goals or initiatives refreshes the options.
  const goals = useQuery({
    queryKey: ['ws', ws.id, 'goals', 'options'],
    queryFn: () => api.get<Page<TGoal>>(wsPath(ws, '/goals?limit=200')),
  });
  const initiatives = useQuery({
    queryKey: ['ws', ws.id, 'initiatives', 'options'],
    queryFn: () => api.get<Page<TInitiative>>(wsPath(ws, '/initiatives?limit=200')),
  });
  const data = useMemo(() => {
    const groups = [
      { group: 'Goals', items: (goals.data?.items ?? []).map((g) => ({ value: sourceValue('goal', g.id), label: g.title })) },
      { group: 'Initiatives', items: (initiatives.data?.items ?? []).map((i) => ({ value: sourceValue('initiative', i.id), label: i.title })) },
    ];
    if (current) {
      const v = sourceValue(current.type, current.id);
      if (!groups.some((g) => g.items.some((i) => i.value === v))) {
        groups.unshift({ group: 'Current', items: [{ value: v, label: current.title ?? `A ${current.type.replace(/_/g, ' ')}` }] });
      }
    }
    return groups.filter((g) => g.items.length > 0);
  }, [goals.data, initiatives.data, current]);

  return (
    <Select
      label="Linked to"
      description="The goal or initiative this action serves (optional)"
      placeholder="Nothing"
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No goal or initiative by that name"
      error={error}
    />
  );
}
