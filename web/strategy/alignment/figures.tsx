import { ColorSwatch, Group, Paper, Progress, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

const pctFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const countFmt = new Intl.NumberFormat();

/** A percentage as "64.3 %"-style text (the locale decides); "—" when there is nothing to measure. */
export function formatPct(value: number | null): string {
  return value === null ? '—' : `${pctFmt.format(value)}%`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return countFmt.format(n);
}

/** A strategic value, 0–100, with one decimal. */
export function formatValue(v: number): string {
  return pctFmt.format(v);
}

interface FigureCardProps {
  label: string;
  icon: ReactNode;
  value: number | null;
  /** What the figure is made of, e.g. "€450,000 of €700,000". */
  detail: ReactNode;
  /** A second line, e.g. "3 of 5 portfolio initiatives". */
  counts: ReactNode;
  /** Said instead of the bar when the figure cannot be computed. */
  whenNull: string;
}

/** A headline figure: the percentage, a bar and the amounts and counts behind it. */
export function FigureCard({ label, icon, value, detail, counts, whenNull }: FigureCardProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" fw={600} c="dimmed">
          {label}
        </Text>
        <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz={36} fw={700} lh={1.1} mt={-6}>
        {formatPct(value)}
      </Text>
      {value === null ? (
        <Text size="sm" c="dimmed" mt="sm">
          {whenNull}
        </Text>
      ) : (
        <Progress value={value} mt="sm" size="md" radius="xl" aria-label={`${label}: ${formatPct(value)}`} />
      )}
      <Text size="sm" mt="sm">
        {detail}
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {counts}
      </Text>
    </Paper>
  );
}

/** A percentage with a small bar, for table cells ("—" when there is nothing to measure). */
export function PctCell({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={8} wrap="nowrap" miw={120}>
      <Progress value={value} size="sm" radius="xl" w={64} aria-hidden />
      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatPct(value)}
      </Text>
    </Group>
  );
}

/** A theme's colour and name; "No theme" in grey for goals without one. */
export function ThemeName({ name, color, size = 'sm' }: { name: string | null; color: string | null; size?: 'xs' | 'sm' }) {
  return (
    <Group component="span" gap={6} wrap="nowrap" display="inline-flex">
      <ColorSwatch component="span" color={color ?? 'var(--mantine-color-gray-4)'} size={size === 'xs' ? 10 : 12} withShadow={false} aria-hidden />
      <Text span size={size} fw={name ? 500 : undefined} c={name ? undefined : 'dimmed'}>
        {name ?? 'No theme'}
      </Text>
    </Group>
  );
}
