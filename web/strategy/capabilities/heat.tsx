import { Group, Text } from '@mantine/core';
import { GAP_BANDS, type GapBand, gapBand, type TCapability } from '../../../domain/strategy/capabilities';
import classes from './capabilities.module.css';

/** The legend's words for each band of the heat map. */
export const GAP_BAND_LABEL: Record<GapBand, string> = {
  met: 'Gap 0: at or beyond target',
  one: 'Gap 1',
  two: 'Gap 2',
  three_plus: 'Gap 3 or more',
  unknown: 'No target or not assessed',
};

/** Maturity levels, 1–5, as the forms and tooltips name them. */
export const MATURITY_LABEL: Record<number, string> = {
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimised',
};

export function bandClass(band: GapBand): string {
  return classes[`band-${band}`] ?? '';
}

/**
 * The gap the map colours a capability by: its own when assessed, else the worst gap among its
 * sub-capabilities (the roll-up), so a branch with a large gap stands out from afar.
 */
export function effectiveGap(c: TCapability): { gap: number | null; fromRollup: boolean } {
  if (c.gap !== null) return { gap: c.gap, fromRollup: false };
  if (c.rollup && c.rollup.gap !== null) return { gap: c.rollup.gap, fromRollup: true };
  return { gap: null, fromRollup: false };
}

/** "2 → 4", with a dash for what is not assessed. */
export function maturityText(current: number | null, target: number | null): string {
  if (current === null && target === null) return 'Not assessed';
  return `${current ?? '–'} → ${target ?? '–'}`;
}

const one = (n: number | null) => (n === null ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The roll-up in words: "Below: worst gap 3 · mean 2.0 → 4.0". */
export function rollupText(c: TCapability): string | null {
  if (!c.rollup) return null;
  const { gap, currentMaturity, targetMaturity } = c.rollup;
  return `Below: worst gap ${gap === null ? '–' : gap} · mean ${one(currentMaturity)} → ${one(targetMaturity)}`;
}

/** The gap as a word and number, never by colour alone. */
export function gapText(gap: number | null): string {
  if (gap === null) return 'No gap known';
  if (gap <= 0) return gap === 0 ? 'Gap 0' : `Gap ${gap} (beyond target)`;
  return `Gap ${gap}`;
}

/** Why a capability has no gap: no target, or no current maturity. */
export function unknownGapLabel(c: Pick<TCapability, 'currentMaturity' | 'targetMaturity'>): string {
  return c.targetMaturity === null ? 'No target' : c.currentMaturity === null ? 'Not assessed' : 'No gap known';
}

/** The gap as a small chip in its band's colours, with the number in words (text in the page's text colour for contrast). */
export function GapBadge({ gap, prefix = '', unknown = 'No target' }: { gap: number | null; prefix?: string; unknown?: string }) {
  return (
    <Text component="span" size="xs" fw={650} className={`${classes.chip} ${bandClass(gapBand(gap))}`}>
      {prefix}
      {gap === null ? unknown : gapText(gap)}
    </Text>
  );
}

/** The legend of the heat map: a swatch and its meaning per band. */
export function GapLegend() {
  return (
    <Group gap="md" wrap="wrap" component="ul" aria-label="Legend: gap between current and target maturity" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {GAP_BANDS.map((b) => (
        <Group key={b} gap={6} component="li" wrap="nowrap">
          <span className={`${classes.swatch} ${bandClass(b)}`} aria-hidden />
          <Text size="sm">{GAP_BAND_LABEL[b]}</Text>
        </Group>
      ))}
    </Group>
  );
}
