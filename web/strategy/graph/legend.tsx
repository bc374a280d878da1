import { Group, Paper, Text } from '@mantine/core';
import type { TGraphCounts } from '../../../domain/strategy/graph';
import { LINK_STRENGTHS } from '../../../domain/strategy/schemas';
import { LINK_STRENGTH } from '../status';
import { OrphanBadge, UnsupportedBadge } from './badges';
import classes from './graph.module.css';

// Kept equal to STRENGTH_WIDTH of the canvas, which this chunk does not load.
const WIDTH = { weak: 1.25, medium: 2.5, strong: 4.5 } as const;

function Line({ width, dashed, colour }: { width: number; dashed?: boolean; colour: string }) {
  return (
    <svg width="34" height="10" aria-hidden style={{ flex: 'none' }}>
      <line x1="1" y1="5" x2="33" y2="5" stroke={colour} strokeWidth={width} strokeDasharray={dashed ? '5 4' : undefined} />
    </svg>
  );
}

/** What the shapes, colours and lines of the graph mean, with the counts of gaps. */
export function GraphLegend({ totals }: { totals: TGraphCounts }) {
  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-labelledby="alignment-graph-legend">
      <Text id="alignment-graph-legend" fw={650} size="sm" mb={6}>
        Legend
      </Text>
      <Group gap="lg" wrap="wrap" fz="sm">
        <Group gap={6} wrap="nowrap">
          <span className={classes.swatch} style={{ background: '#4c6ef5' }} aria-hidden />
          Theme (its colour)
        </Group>
        <Group gap={6} wrap="nowrap">
          <UnsupportedBadge /> active goal no portfolio initiative serves ({totals.unsupported})
        </Group>
        <Group gap={6} wrap="nowrap">
          <OrphanBadge /> portfolio initiative serving no active goal ({totals.orphans})
        </Group>
        <Group gap={6} wrap="nowrap">
          <Line width={1.5} dashed colour="#868e96" /> dashed border: not active (draft, proposed, done…)
        </Group>
        {LINK_STRENGTHS.map((s) => (
          <Group key={s} gap={6} wrap="nowrap">
            <Line width={WIDTH[s]} colour="#4c6ef5" /> {LINK_STRENGTH[s].label.toLowerCase()} link
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <Line width={1.5} colour="#868e96" /> a goal and, indented below it, the goals that contribute to it
        </Group>
      </Group>
    </Paper>
  );
}
