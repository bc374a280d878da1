import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TCustomFieldEntityType } from '../../../domain/strategy/custom-fields';
import { useWorkspace } from '../../app/workspace';
import { customFieldsQuery } from './custom-fields-api';
import type { FieldSearch } from './search';

interface FieldFilterSelectsProps {
  entityType: TCustomFieldEntityType;
  value: FieldSearch | undefined;
  onChange: (next: FieldSearch | undefined) => void;
  /** Added after each select's label, e.g. "(goals)" on the matrix where both sides have fields. */
  labelSuffix?: string;
  /** Visible labels above the selects (in a grid of labelled filters) instead of aria-labels in a row. */
  visibleLabels?: boolean;
  w?: number;
}

/** One select per live single or multiple choice custom field of the entity type (nothing when there are none). */
export function FieldFilterSelects({ entityType, value, onChange, labelSuffix, visibleLabels, w = 170 }: FieldFilterSelectsProps) {
  const ws = useWorkspace();
  const { data } = useQuery(customFieldsQuery(ws, entityType));
  const fields = (data?.items ?? []).filter((f) => f.type === 'single_choice' || f.type === 'multi_choice');
  // A filter on a field since archived (or an option since removed) would make the API refuse
  // the list: once the fields are known, such filters leave the address.
  const stale = data !== undefined && Object.entries(value ?? {}).some(([id, o]) => !fields.some((f) => f.id === id && f.options.includes(o)));
  useEffect(() => {
    if (!stale) return;
    const kept = Object.fromEntries(Object.entries(value ?? {}).filter(([id, o]) => fields.some((f) => f.id === id && f.options.includes(o))));
    onChange(Object.keys(kept).length ? kept : undefined);
    // Only a change of staleness drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stale]);
  const set = (id: string, option: string | null) => {
    const next: FieldSearch = { ...value };
    if (option) next[id] = option;
    else delete next[id];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <>
      {fields.map((f) => {
        const label = labelSuffix ? `${f.label} ${labelSuffix}` : f.label;
        return (
          <Select
            key={f.id}
            {...(visibleLabels ? { label } : { 'aria-label': label, w: { base: '100%', xs: w } })}
            placeholder={`Any ${f.label.toLowerCase()}`}
            data={f.options}
            value={value?.[f.id] ?? null}
            onChange={(v) => set(f.id, v)}
            clearable
            searchable={f.options.length > 8}
          />
        );
      })}
    </>
  );
}
