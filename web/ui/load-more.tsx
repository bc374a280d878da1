import { Button, Center } from '@mantine/core';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}

/** Fetches the next page of a cursor-paged list. */
export function LoadMore({ hasMore, loading, onLoad }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={onLoad} loading={loading}>
        Load more
      </Button>
    </Center>
  );
}
