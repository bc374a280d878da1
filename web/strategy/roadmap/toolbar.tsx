import { ActionIcon, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { ROADMAP_ZOOMS, ZOOM, type TRoadmapZoom } from '../../../domain/strategy/roadmap';
import { useWorkspace } from '../../app/workspace';
import { useUnitOptions } from '../../platform/queries';
import { useTeamOptions } from '../../platform/teams/queries';
import { INITIATIVE_STATUS } from '../status';
import { useThemeOptions } from '../themes/themes-api';
import type { RoadmapSearch } from './search';

const statusOptions = INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS[s].label }));
const zoomOptions = ROADMAP_ZOOMS.map((z) => ({ value: z, label: ZOOM[z].label }));

interface ToolbarProps {
  search: RoadmapSearch;
  onChange: (next: RoadmapSearch) => void;
  zoom: TRoadmapZoom;
  onZoom: (zoom: TRoadmapZoom) => void;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  windowLabel: string;
  laneOptions: { value: string; label: string }[];
}

/** Zoom, moving through time, swimlanes and filters; all kept in the address. */
export function RoadmapToolbar({ search, onChange, zoom, onZoom, onStep, onToday, windowLabel, laneOptions }: ToolbarProps) {
  const ws = useWorkspace();
  const units = useUnitOptions(ws, search.unit);
  const themes = useThemeOptions(ws, search.theme);
  const teams = useTeamOptions(ws, search.team);
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== search.q) onChange({ ...search, q });
    // Only the typed text drives this; other filters pass through unchanged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filtered = Boolean(search.status || search.unit || search.theme || search.team || search.q);

  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" wrap="wrap" align="flex-end" mb="sm">
        <SegmentedControl aria-label="Zoom" value={zoom} onChange={onZoom} data={zoomOptions} />
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Earlier">
            <ActionIcon variant="default" size="lg" aria-label="Earlier" onClick={() => onStep(-1)}>
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" onClick={onToday}>
            Today
          </Button>
          <Tooltip label="Later">
            <ActionIcon variant="default" size="lg" aria-label="Later" onClick={() => onStep(1)}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Text size="sm" fw={600} mb={8} aria-live="polite">
          {windowLabel}
        </Text>
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="Swimlanes"
          data={laneOptions}
          value={search.lane ?? 'theme'}
          onChange={(v) => onChange({ ...search, lane: v && v !== 'theme' ? v : undefined })}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
        />
        <MultiSelect
          label="Status"
          placeholder={search.status ? undefined : 'Any status'}
          data={statusOptions}
          value={search.status ? search.status.split(',') : []}
          onChange={(v) => onChange({ ...search, status: v.length ? v.join(',') : undefined })}
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label="Business unit"
          placeholder="Any unit"
          data={units}
          value={search.unit ?? null}
          onChange={(v) => onChange({ ...search, unit: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label="Theme"
          placeholder="Any theme"
          data={themes}
          value={search.theme ?? null}
          onChange={(v) => onChange({ ...search, theme: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          label="Team"
          placeholder="Any team"
          data={teams}
          value={search.team ?? null}
          onChange={(v) => onChange({ ...search, team: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          label="Search"
          placeholder="Initiative title"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 180px' }}
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconX size={14} />}
            onClick={() => {
              setText('');
              onChange({ zoom: search.zoom, from: search.from, lane: search.lane });
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
