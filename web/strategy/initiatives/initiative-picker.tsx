import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { TInitiative } from '../../../domain/strategy/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';
import { initiativeQuery } from '../api';

interface InitiativePickerProps {
  label: string;
  description?: string;
  placeholder?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Initiatives not to offer (the one being edited, those already chosen). */
  exclude?: string[];
  error?: string;
  required?: boolean;
  clearable?: boolean;
  autoFocus?: boolean;
}

/**
 * A searchable choice of one of the workspace's live initiatives: the server searches by
 * title as the user types (the portfolio may hold thousands), and the chosen one keeps its title.
 */
export function InitiativePicker({ label, description, placeholder, value, onChange, exclude = [], error, required, clearable = true, autoFocus }: InitiativePickerProps) {
  const ws = useWorkspace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const candidates = useQuery({
    queryKey: ['ws', ws.id, 'initiatives', 'options', debounced],
    queryFn: () => api.get<Page<TInitiative>>(wsPath(ws, '/initiatives') + qs({ q: debounced.trim(), limit: 50 })),
    placeholderData: keepPreviousData,
  });
  // The current value's title, when it is not among the loaded choices (e.g. editing an initiative's parent).
  const current = useQuery({ ...initiativeQuery(ws, value ?? ''), enabled: Boolean(value) && picked?.value !== value });

  const options = useMemo(() => {
    const list = (candidates.data?.items ?? []).filter((c) => !exclude.includes(c.id)).map((c) => ({ value: c.id, label: c.title }));
    const keep = picked?.value === value ? picked : value && current.data ? { value, label: current.data.title } : null;
    if (keep && !list.some((o) => o.value === keep.value)) list.unshift(keep);
    return list;
  }, [candidates.data, exclude, picked, value, current.data]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? 'Search initiatives by title'}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      value={value}
      onChange={(v, option) => {
        setPicked(v ? { value: v, label: option?.label ?? v } : null);
        onChange(v);
      }}
      nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No initiative by that title'}
      clearable={clearable}
      required={required}
      data-autofocus={autoFocus || undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
