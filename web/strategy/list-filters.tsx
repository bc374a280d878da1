import { Button, Group, Paper, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TCustomFieldEntityType } from '../../domain/strategy/custom-fields';
import type { ListSearch } from '../app/router';
import { useWorkspace } from '../app/workspace';
import { useUnitOptions } from '../platform/queries';
import { FieldFilterSelects } from './custom-fields/field-filter-selects';

interface ListFiltersProps<S extends string> {
  search: ListSearch<S>;
  onChange: (next: ListSearch<S>) => void;
  statusOptions: { value: S; label: string }[];
  /** "goals" or "initiatives", for labels. */
  noun: string;
  /** Whose custom choice fields get a filter each (none when left out). */
  entityType?: TCustomFieldEntityType;
}

/** Status, business unit, custom choice fields, text search and "show archived", kept in the address. */
export function ListFilters<S extends string>({ search, onChange, statusOptions, noun, entityType }: ListFiltersProps<S>) {
  const ws = useWorkspace();
  const units = useUnitOptions(ws, search.unit);
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== search.q) onChange({ ...search, q });
    // Only the typed text drives this; other filters pass through unchanged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filtered = Boolean(search.status || search.unit || search.q || search.archived || search.fields);

  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          aria-label={`Search ${noun}`}
          placeholder={`Search ${noun}`}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          aria-label="Status"
          placeholder="Any status"
          data={statusOptions}
          value={search.status ?? null}
          onChange={(v) => onChange({ ...search, status: (v) ?? undefined })}
          clearable
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          aria-label="Business unit"
          placeholder="Any business unit"
          data={units}
          value={search.unit ?? null}
          onChange={(v) => onChange({ ...search, unit: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 210 }}
        />
        {entityType && <FieldFilterSelects entityType={entityType} value={search.fields} onChange={(fields) => onChange({ ...search, fields })} />}
        <Switch
          label="Show archived"
          checked={Boolean(search.archived)}
          onChange={(e) => onChange({ ...search, archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
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
