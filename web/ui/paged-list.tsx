import type { ReactNode } from 'react';
import { ErrorState } from './error-state';
import { LoadMore } from './load-more';

/** The parts of a TanStack infinite query over `{ items }` pages that a paged list uses. */
export interface PagedQuery<T> {
  data: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The items of every page loaded so far, in order. */
export function pagedItems<T>(query: Pick<PagedQuery<T>, 'data'>): T[] {
  return query.data?.pages.flatMap((p) => p.items) ?? [];
}

interface PagedListProps<T> {
  query: PagedQuery<T>;
  /** Shown while the first page loads. */
  skeleton: ReactNode;
  /** Shown when the list has no items (usually an EmptyState). */
  empty: ReactNode;
  /** What was being loaded, for the error's not-found message (see ErrorState). */
  what?: string;
  /** The list itself, given the items of every page loaded so far. */
  children: (items: T[]) => ReactNode;
}

/**
 * The frame of a cursor-paged list: a skeleton while the first page loads, the error with
 * "Try again", the empty state, or the list followed by "Load more" while there is a next page.
 */
export function PagedList<T>({ query, skeleton, empty, what, children }: PagedListProps<T>) {
  if (query.isPending) return <>{skeleton}</>;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} what={what} />;
  const items = pagedItems(query);
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(items)}
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoad={() => void query.fetchNextPage()} />
    </>
  );
}
