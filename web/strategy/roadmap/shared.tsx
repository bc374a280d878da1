import { Box, Group, Text } from '@mantine/core';
import { INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { INITIATIVE_STATUS } from '../status';

/** Today in the reader's time zone, as YYYY-MM-DD (the today line is the reader's today). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What the colours and marks of the timeline mean. */
export function Legend() {
  return (
    <Group gap="md" mt="sm" wrap="wrap" aria-label="Legend" role="group">
      {INITIATIVE_STATUSES.map((s) => {
        const color = INITIATIVE_STATUS[s].color;
        return (
          <Group key={s} gap={6} wrap="nowrap">
            <Box
              w={18}
              h={12}
              style={{ borderRadius: 3, border: `1px solid var(--mantine-color-${color}-filled)`, borderLeftWidth: 4, background: `var(--mantine-color-${color}-light)` }}
              aria-hidden
            />
            <Text size="xs">{INITIATIVE_STATUS[s].label}</Text>
          </Group>
        );
      })}
      <Group gap={6} wrap="nowrap">
        <Box w={10} h={10} style={{ transform: 'rotate(45deg)', border: '2px solid var(--mantine-color-violet-8)' }} aria-hidden />
        <Text size="xs">Milestone (filled when done)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width="26" height="10" aria-hidden>
          <path d="M 0 5 H 22" stroke="var(--mantine-color-gray-7)" strokeWidth="1.5" />
          <path d="M 20 1 L 26 5 L 20 9 z" fill="var(--mantine-color-gray-7)" />
        </svg>
        <Text size="xs">Must finish before the next starts (red dashed: it does not)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Box w={2} h={14} bg="var(--mantine-color-red-8)" aria-hidden />
        <Text size="xs">Today</Text>
      </Group>
    </Group>
  );
}
