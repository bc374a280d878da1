import { Group, Progress, Text } from '@mantine/core';

/** A progress figure (0–1) as a whole percentage. */
export function formatProgress(progress: number | null): string {
  return progress === null ? '—' : `${Math.round(progress * 100)} %`;
}

/** The colour a progress shows in: teal when done, blue on the way, gray at the start. */
function colorOf(progress: number) {
  if (progress >= 1) return 'teal';
  return progress > 0 ? 'blue' : 'gray';
}

interface ProgressBarProps {
  /** 0–1, or null when there is nothing to measure. */
  value: number | null;
  /** What the bar measures, for screen readers: "Progress of <title>". */
  label: string;
  /** Said instead of the bar when value is null. */
  empty?: string;
  w?: number | string;
}

/** A goal's, theme's or key result's progress: a bar and the percentage beside it. */
export function ProgressBar({ value, label, empty = 'No key results', w = 160 }: ProgressBarProps) {
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  const pct = Math.round(value * 100);
  return (
    <Group gap="xs" wrap="nowrap" w={w}>
      <Progress value={pct} color={colorOf(value)} size="md" radius="xl" aria-label={label} style={{ flex: 1 }} />
      <Text size="sm" fw={500} w={44} ta="right" style={{ whiteSpace: 'nowrap' }} aria-hidden>
        {pct} %
      </Text>
    </Group>
  );
}
