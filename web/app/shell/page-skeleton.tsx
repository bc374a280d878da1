import { Box, Skeleton, Stack } from '@mantine/core';

/** What a page shows while its code or data loads. */
export function PageSkeleton() {
  return (
    <Box p="xl" aria-busy="true" aria-label="Loading">
      <Stack gap="md">
        <Skeleton h={14} w={120} />
        <Skeleton h={30} w={280} />
        <Skeleton h={14} w="50%" />
        <Skeleton h={260} mt="md" />
      </Stack>
    </Box>
  );
}

/** Rows of a table while its data loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={38} />
      ))}
    </Stack>
  );
}
