import { Code, Table, Text } from '@mantine/core';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Before and after of an audited change, field by field; changed fields first. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) {
    return (
      <Text size="sm" c="dimmed">
        No data was recorded with this entry.
      </Text>
    );
  }
  if (!isObject(before ?? {}) || !isObject(after ?? {})) {
    return (
      <Code block>
        {JSON.stringify({ before, after }, null, 2)}
      </Code>
    );
  }
  const b = (before ?? {}) as Json;
  const a = (after ?? {}) as Json;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = (k: string) => show(b[k]) !== show(a[k]);
  keys.sort((x, y) => Number(changed(y)) - Number(changed(x)));

  return (
    <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} aria-label="Changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">Field</Table.Th>
          <Table.Th w="40%">Before</Table.Th>
          <Table.Th w="40%">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const diff = changed(k);
          return (
            <Table.Tr key={k} bg={diff ? 'var(--mantine-color-yellow-light)' : undefined}>
              <Table.Td fw={diff ? 700 : 400} style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
                {k}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word', fontFamily: 'var(--mantine-font-family-monospace)' }}>
                {k in b ? show(b[k]) : <Text span c="dimmed" fz="xs">—</Text>}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word', fontFamily: 'var(--mantine-font-family-monospace)' }}>
                {k in a ? show(a[k]) : <Text span c="dimmed" fz="xs">—</Text>}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
