import { DataList, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card of label–value facts beside a detail page's main content. */
export function DetailFacts({ title = 'Details', facts }: { title?: string; facts: [string, ReactNode][] }) {
  return (
    <Paper withBorder p="lg">
      <Title order={2} fz="lg" mb="md">
        {title}
      </Title>
      <DataList labelWidth={120} gap="sm" withDivider>
        {facts.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}
