import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ListSearch } from '../app/router';
import { TableSkeleton } from '../app/shell/page-skeleton';
import { useCan } from '../app/workspace';
import type { Page } from '../ui/api';
import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';
import { usePageTitle } from '../ui/page-title';
import { PagedList } from '../ui/paged-list';
import { ListFilters } from './list-filters';

interface StrategyListPageProps<S extends string, T> {
  /** "goal" / "goals", "initiative" / "initiatives". */
  one: string;
  many: string;
  title: string;
  description: string;
  emptyDescription: string;
  icon: ReactNode;
  statusOptions: { value: S; label: string }[];
  search: ListSearch<S>;
  onSearch: (next: ListSearch<S>) => void;
  list: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  table: (items: T[]) => ReactNode;
  createModal: (opened: boolean, onClose: () => void) => ReactNode;
}

/** The frame shared by the goal and initiative lists: header, filters, table, empty and error states. */
export function StrategyListPage<S extends string, T>(p: StrategyListPageProps<S, T>) {
  usePageTitle(p.title);
  const canWrite = useCan('strategy.write');
  const [creating, { open, close }] = useDisclosure(false);
  const filtered = Boolean(p.search.status || p.search.unit || p.search.q || p.search.archived);
  const newButton = (label: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader title={p.title} description={p.description} actions={canWrite && newButton(`New ${p.one}`)} />
      <ListFilters noun={p.many} search={p.search} statusOptions={p.statusOptions} onChange={p.onSearch} />
      <PagedList
        query={p.list}
        skeleton={<TableSkeleton />}
        empty={
          <EmptyState
            icon={p.icon}
            title={filtered ? `No ${p.many} match these filters` : `No ${p.many} yet`}
            description={filtered ? 'Try another status or business unit, or clear the search.' : p.emptyDescription}
            action={!filtered && canWrite ? newButton(`Create the first ${p.one}`) : undefined}
          />
        }
      >
        {(items) => <Paper withBorder>{p.table(items)}</Paper>}
      </PagedList>
      {canWrite && p.createModal(creating, close)}
    </>
  );
}
