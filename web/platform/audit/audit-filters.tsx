import { Autocomplete, Button, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useWorkspace } from '../../app/workspace';
import { useMemberOptions } from '../queries';
import { emptyAuditFilters, type AuditFilters } from './audit-api';

const ENTITY_TYPES = [
  'workspace', 'member', 'invitation', 'business_unit', 'team', 'vision', 'theme', 'goal', 'key_result', 'initiative', 'milestone',
  'initiative_dependency', 'goal_link', 'capability', 'capability_link', 'custom_field', 'roadmap_share', 'api_token', 'session', 'user',
];

interface AuditFiltersProps {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

/** Narrow the log by what changed, who changed it, and when. */
export function AuditFiltersBar({ value, onChange }: AuditFiltersProps) {
  const ws = useWorkspace();
  const people = useMemberOptions(ws);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const filtered = JSON.stringify(value) !== JSON.stringify(emptyAuditFilters);
  return (
    <Paper withBorder p="sm" mb="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
        <Autocomplete label="Entity type" placeholder="Any" data={ENTITY_TYPES} value={value.entityType} onChange={(v) => set({ entityType: v })} />
        <TextInput label="Action" placeholder="e.g. goal.update" value={value.action} onChange={(e) => set({ action: e.currentTarget.value })} />
        <Select label="Who" placeholder="Anyone" data={people} value={value.actorUserId} onChange={(v) => set({ actorUserId: v })} clearable searchable />
        <TextInput label="Entity id" placeholder="Any" value={value.entityId} onChange={(e) => set({ entityId: e.currentTarget.value })} />
        <TextInput type="date" label="From" value={value.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label="To" value={value.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </SimpleGrid>
      {filtered && (
        <Button variant="subtle" size="xs" mt="sm" leftSection={<IconX size={14} />} onClick={() => onChange(emptyAuditFilters)}>
          Clear filters
        </Button>
      )}
    </Paper>
  );
}
