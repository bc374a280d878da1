import { Group, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { gapBand, type TCapability } from '../../../domain/strategy/capabilities';
import classes from './capabilities.module.css';
import { bandClass, effectiveGap, GapBadge, maturityText, rollupText, unknownGapLabel } from './heat';

interface MapProps {
  items: TCapability[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/**
 * The capability map as nested boxes: each top-level capability a column, its sub-capabilities
 * tiles inside it (and theirs inside those). Each box is coloured by its gap (or, without an
 * assessment of its own, by the worst gap below it) and says the gap in words.
 */
export function CapabilityMap({ items, selectedId, onOpen }: MapProps) {
  const children = useMemo(() => {
    const m = new Map<string | null, TCapability[]>();
    const ids = new Set(items.map((c) => c.id));
    for (const c of items) {
      const p = c.parentId && ids.has(c.parentId) ? c.parentId : null;
      m.set(p, [...(m.get(p) ?? []), c]);
    }
    return m;
  }, [items]);
  return (
    <div className={classes.map} role="list" aria-label="Capability map">
      {(children.get(null) ?? []).map((c) => (
        <div role="listitem" key={c.id}>
          <Tile c={c} depth={0} kids={children} selectedId={selectedId} onOpen={onOpen} />
        </div>
      ))}
    </div>
  );
}

function Tile({ c, depth, kids, selectedId, onOpen }: {
  c: TCapability;
  depth: number;
  kids: Map<string | null, TCapability[]>;
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const { gap, fromRollup } = effectiveGap(c);
  const below = kids.get(c.id) ?? [];
  const rollup = rollupText(c);
  return (
    <div className={`${classes.tile} ${bandClass(gapBand(gap))}`} data-archived={c.archivedAt ? true : undefined}>
      <UnstyledButton className={classes.tileButton} onClick={() => onOpen(c.id)} data-selected={selectedId === c.id || undefined} aria-haspopup="dialog">
        <Text fw={depth === 0 ? 700 : 600} size={depth === 0 ? 'md' : 'sm'} style={{ overflowWrap: 'anywhere' }} component="span" display="block">
          {c.name}
          {c.archivedAt ? ' (archived)' : ''}
        </Text>
        <Group gap={6} mt={4} wrap="wrap">
          <Text size="xs" component="span">
            {maturityText(c.currentMaturity, c.targetMaturity)}
          </Text>
          <GapBadge gap={gap} prefix={fromRollup ? 'Worst below: ' : ''} unknown={unknownGapLabel(c)} />
          {c.linkCount > 0 && (
            <Text size="xs" component="span">
              {c.goals.length} {c.goals.length === 1 ? 'goal' : 'goals'} · {c.initiatives.length} {c.initiatives.length === 1 ? 'initiative' : 'initiatives'}
            </Text>
          )}
        </Group>
        {depth === 0 && rollup && (
          <Text size="xs" mt={4} component="span" display="block">
            {rollup}
          </Text>
        )}
      </UnstyledButton>
      {below.length > 0 && (
        <div className={classes.children} role="list" aria-label={`Sub-capabilities of ${c.name}`}>
          {below.map((k) => (
            <div role="listitem" key={k.id}>
              <Tile c={k} depth={depth + 1} kids={kids} selectedId={selectedId} onOpen={onOpen} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
