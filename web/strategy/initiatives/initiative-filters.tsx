import { Button, Group, Paper, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useWorkspace } from '../../app/workspace';
import { useUnitOptions } from '../../platform/queries';
import { useTeamOptions } from '../../platform/teams/queries';
import { FieldFilterSelects } from '../custom-fields/field-filter-selects';
import { kindOptions, riskOptions } from './labels';
import type { InitiativeSearch } from './search';

interface InitiativeFiltersProps<S extends string> {
  search: InitiativeSearch<S>;
  onChange: (next: InitiativeSearch<S>) => void;
  statusOptions: { value: S; label: string }[];
}

/**
 * The initiatives list's filters, kept in the address: text, status, business unit, team,
 * kind, risk level, custom choice fields and "show archived". (The shared ListFilters has no room for the last
 * three, so the initiatives list has its own bar.)
 */
export function InitiativeFilters<S extends string>({ search, onChange, statusOptions }: InitiativeFiltersProps<S>) {
  const ws = useWorkspace();
  const units = useUnitOptions(ws, search.unit);
  const teams = useTeamOptions(ws, search.team);
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== search.q) onChange({ ...search, q });
    // Only the typed text drives this; other filters pass through unchanged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filtered = Boolean(search.status || search.unit || search.q || search.archived || search.team || search.kind || search.risk || search.fields);
  const narrow = { base: '100%', xs: 160 } as const;

  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          aria-label="Search initiatives"
          placeholder="Search initiatives"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select aria-label="Status" placeholder="Any status" data={statusOptions} value={search.status ?? null} onChange={(v) => onChange({ ...search, status: (v) ?? undefined })} clearable w={narrow} />
        <Select
          aria-label="Business unit"
          placeholder="Any business unit"
          data={units}
          value={search.unit ?? null}
          onChange={(v) => onChange({ ...search, unit: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 190 }}
        />
        <Select
          aria-label="Team"
          placeholder="Any team"
          data={teams}
          value={search.team ?? null}
          onChange={(v) => onChange({ ...search, team: v ?? undefined })}
          clearable
          searchable
          nothingFoundMessage="No team by that name"
          w={{ base: '100%', xs: 170 }}
        />
        <Select aria-label="Kind" placeholder="Any kind" data={kindOptions} value={search.kind ?? null} onChange={(v) => onChange({ ...search, kind: (v) ?? undefined })} clearable w={{ base: '100%', xs: 140 }} />
        <Select aria-label="Risk level" placeholder="Any risk" data={riskOptions} value={search.risk ?? null} onChange={(v) => onChange({ ...search, risk: (v) ?? undefined })} clearable w={{ base: '100%', xs: 130 }} />
        <FieldFilterSelects entityType="initiative" value={search.fields} onChange={(fields) => onChange({ ...search, fields })} w={150} />
        <Switch label="Show archived" checked={Boolean(search.archived)} onChange={(e) => onChange({ ...search, archived: e.currentTarget.checked || undefined })} mb={8} />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconX size={14} />}
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            Clear
          </Button>
        )}
      </Group>
    </Paper>
  );
}
