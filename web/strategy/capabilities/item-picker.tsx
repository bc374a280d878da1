import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';

interface ItemPickerProps {
  kind: 'goal' | 'initiative';
  /** Ids already linked, left out of the choices. */
  exclude: string[];
  onPick: (id: string) => void;
  busy?: boolean;
}

/** A searchable choice of a goal or an initiative (through the list API's `q=`), and an Add button. */
export function ItemPicker({ kind, exclude, onPick, busy }: ItemPickerProps) {
  const ws = useWorkspace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [value, setValue] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const candidates = useQuery({
    queryKey: ['ws', ws.id, `${kind}s`, 'options', debounced],
    queryFn: () => api.get<Page<{ id: string; title: string }>>(wsPath(ws, `/${kind}s`) + qs({ q: debounced.trim(), limit: 50 })),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const list = (candidates.data?.items ?? []).filter((c) => !exclude.includes(c.id)).map((c) => ({ value: c.id, label: c.title }));
    if (picked && !list.some((o) => o.value === picked.value)) list.unshift(picked);
    return list;
  }, [candidates.data, exclude, picked]);
  const noun = kind === 'goal' ? 'goal' : 'initiative';

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={`Link ${kind === 'goal' ? 'a goal' : 'an initiative'}`}
        placeholder={`Search ${noun}s by title`}
        data={options}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        value={value}
        onChange={(v, option) => {
          setValue(v);
          setPicked(v ? { value: v, label: option?.label ?? v } : null);
        }}
        nothingFoundMessage={candidates.isFetching ? 'Searching…' : `No ${noun} to link by that title`}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: 1 }}
      />
      <Button
        variant="default"
        disabled={!value}
        loading={busy}
        onClick={() => {
          if (!value) return;
          onPick(value);
          setValue(null);
          setPicked(null);
          setSearch('');
        }}
      >
        Add
      </Button>
    </Group>
  );
}
