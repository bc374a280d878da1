import { Button, Group, MultiSelect, Paper, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChecklist, IconSearch, IconX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ACTION_STATUSES, type TDueBucket } from '../../../domain/collaboration/actions';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useWorkspace } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { EmptyState } from '../../ui/empty-state';
import { PagedList } from '../../ui/paged-list';
import { ActionList } from './action-list';
import { actionListQuery, type ActionFilters } from './api';
import { ACTION_STATUS } from './status';

const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS[s].label }));
const dueOptions: { value: TDueBucket; label: string }[] = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'this_week', label: 'Due this week' },
  { value: 'later', label: 'Due later' },
  { value: 'none', label: 'No due date' },
];
const sortOptions = [
  { value: 'newest', label: 'Newest first' },
  { value: 'due', label: 'Due date' },
];

/** Every action item of the workspace, with filters by owner, status, due date and text. */
export function AllActions({ today, onOpen }: { today: string; onOpen: (id: string) => void }) {
  const ws = useWorkspace();
  const members = useMemberOptions(ws);
  const ownerOptions = [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Nobody yet' }, ...members];
  const [filters, setFilters] = useState<ActionFilters>({ sort: 'newest' });
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useInfiniteQuery(actionListQuery(ws, { ...filters, q: q || undefined }));
  const set = (patch: Partial<ActionFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = Boolean(filters.owner || filters.status?.length || filters.due || filters.includeArchived || q);

  return (
    <>
      <Paper withBorder p="sm" mb="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            aria-label="Search action items"
            placeholder="Search action items"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            aria-label="Owner"
            placeholder="Any owner"
            data={ownerOptions}
            value={filters.owner ?? null}
            onChange={(v) => set({ owner: v ?? undefined })}
            clearable
            searchable
            w={{ base: '100%', xs: 180 }}
          />
          <MultiSelect
            aria-label="Status"
            placeholder={filters.status?.length ? undefined : 'Any status'}
            data={statusOptions}
            value={filters.status ?? []}
            onChange={(v) => set({ status: v.length ? (v) : undefined })}
            clearable
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            aria-label="Due"
            placeholder="Any due date"
            data={dueOptions}
            value={filters.due ?? null}
            onChange={(v) => set({ due: (v) ?? undefined })}
            clearable
            w={{ base: '100%', xs: 160 }}
          />
          <Select
            aria-label="Sort"
            data={sortOptions}
            value={filters.sort ?? 'newest'}
            onChange={(v) => set({ sort: v === 'due' ? 'due' : 'newest' })}
            allowDeselect={false}
            w={{ base: '100%', xs: 150 }}
          />
          <Switch
            label="Show archived"
            checked={Boolean(filters.includeArchived)}
            onChange={(e) => set({ includeArchived: e.currentTarget.checked || undefined })}
            mb={8}
          />
          {filtered && (
            <Button
              variant="subtle"
              leftSection={<IconX size={14} />}
              onClick={() => {
                setText('');
                setFilters({ sort: filters.sort });
              }}
            >
              Clear
            </Button>
          )}
        </Group>
      </Paper>
      <PagedList
        query={list}
        skeleton={<TableSkeleton />}
        empty={
          <EmptyState
            icon={<IconChecklist size={28} aria-hidden />}
            title={filtered ? 'No action items match these filters' : 'No action items yet'}
            description={filtered ? 'Try another owner, status or due date, or clear the search.' : 'Action items are the follow-ups agreed in reviews, meetings and planning: one owner, one due date.'}
          />
        }
      >
        {(items) => <ActionList items={items} today={today} onOpen={onOpen} label="Action items" />}
      </PagedList>
    </>
  );
}
