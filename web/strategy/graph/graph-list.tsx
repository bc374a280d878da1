import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TAlignmentGraph, TGraphNode } from '../../../domain/strategy/graph';
import type { TLinkStrength } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { AnchorLink } from '../../ui/links';
import { LINK_STRENGTH } from '../status';
import { formatProgress, formatValue, statusLabel } from './model';
import { OrphanBadge, UnsupportedBadge } from './badges';

/** A link to the node's page, with its status and gap badges. */
function Item({ node, strength }: { node: TGraphNode; strength?: TLinkStrength | null }) {
  const ws = useWorkspace();
  const status = statusLabel(node);
  const link =
    node.kind === 'goal' ? (
      <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: node.id }} fw={600}>{node.title}</AnchorLink>
    ) : node.kind === 'initiative' ? (
      <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: node.id }} fw={600}>{node.title}</AnchorLink>
    ) : (
      <AnchorLink to="/w/$ws/strategy" params={{ ws: ws.slug }} fw={650}>{node.title}</AnchorLink>
    );
  const facts = [
    node.kind === 'theme' ? 'Theme' : node.kind === 'goal' ? 'Goal' : 'Initiative',
    status,
    node.weight !== null ? `weight ${node.weight}` : null,
    node.progress !== null ? `progress ${formatProgress(node.progress)}` : null,
    node.strategicValue !== null ? `strategic value ${formatValue(node.strategicValue)} / 100` : null,
    strength ? `${LINK_STRENGTH[strength].label.toLowerCase()} link` : null,
  ].filter(Boolean);
  return (
    <Group gap={8} wrap="wrap" component="span">
      {link}
      <Text span size="sm" c="dimmed">
        {facts.join(' · ')}
      </Text>
      {node.flags.unsupported && <UnsupportedBadge />}
      {node.flags.orphan && <OrphanBadge />}
    </Group>
  );
}

interface Tree {
  byId: Map<string, TGraphNode>;
  goalsOfTheme: Map<string, string[]>;
  childrenOf: Map<string, string[]>;
  linksOf: Map<string, { id: string; strength: TLinkStrength | null }[]>;
}

function GoalItem({ id, tree, seen }: { id: string; tree: Tree; seen: Set<string> }) {
  const node = tree.byId.get(id)!;
  const children = (tree.childrenOf.get(id) ?? []).filter((c) => !seen.has(c));
  const links = tree.linksOf.get(id) ?? [];
  const inner = new Set([...seen, id]);
  return (
    <List.Item>
      <Item node={node} />
      {(links.length > 0 || children.length > 0) && (
        <List withPadding listStyleType="disc" spacing={4} mt={4}>
          {links.map((l) => (
            <List.Item key={l.id}>
              <Item node={tree.byId.get(l.id)!} strength={l.strength} />
            </List.Item>
          ))}
          {children.map((c) => (
            <GoalItem key={c} id={c} tree={tree} seen={inner} />
          ))}
        </List>
      )}
    </List.Item>
  );
}

function Section({ title, children, empty }: { title: string; children: ReactNode[]; empty: string }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="md" mb="xs">
        {title}
      </Title>
      {children.length > 0 ? (
        <List spacing={6} listStyleType="disc">
          {children}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The graph as nested lists, for screen readers and keyboards (and a print-out): each theme
 * with its goals, each goal with the initiatives serving it and the goals below it, then the
 * goals without a theme and the initiatives serving none of the goals shown.
 */
export function GraphList({ graph, gapsOnly }: { graph: TAlignmentGraph; gapsOnly: boolean }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (gapsOnly) {
    const unsupported = graph.nodes.filter((n) => n.flags.unsupported);
    const orphans = graph.nodes.filter((n) => n.flags.orphan);
    return (
      <Stack gap="md">
        <Section title={`Goals no initiative supports (${unsupported.length})`} empty="Every active goal shown has an initiative.">
          {unsupported.map((n) => <List.Item key={n.id}><Item node={n} /></List.Item>)}
        </Section>
        <Section title={`Orphan initiatives (${orphans.length})`} empty="Every portfolio initiative shown serves an active goal.">
          {orphans.map((n) => <List.Item key={n.id}><Item node={n} /></List.Item>)}
        </Section>
      </Stack>
    );
  }

  const tree: Tree = { byId, goalsOfTheme: new Map(), childrenOf: new Map(), linksOf: new Map() };
  const hasParent = new Set<string>();
  const linked = new Set<string>();
  const add = <V,>(m: Map<string, V[]>, k: string, v: V) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const e of graph.edges) {
    if (e.kind === 'theme-goal') add(tree.goalsOfTheme, e.source, e.target);
    else if (e.kind === 'parent-child') add(tree.childrenOf, e.source, e.target);
    else {
      add(tree.linksOf, e.source, { id: e.target, strength: e.strength });
      linked.add(e.target);
    }
    if (e.kind !== 'goal-initiative') hasParent.add(e.target);
  }
  const themes = graph.nodes.filter((n) => n.kind === 'theme');
  const loose = graph.nodes.filter((n) => n.kind === 'goal' && !hasParent.has(n.id));
  const unlinked = graph.nodes.filter((n) => n.kind === 'initiative' && !linked.has(n.id));

  return (
    <Stack gap="md">
      <Section title="Themes and their goals" empty="No themes to show.">
        {themes.map((t) => (
          <List.Item key={t.id}>
            <Item node={t} />
            {(tree.goalsOfTheme.get(t.id) ?? []).length > 0 ? (
              <List withPadding listStyleType="disc" spacing={4} mt={4}>
                {(tree.goalsOfTheme.get(t.id) ?? []).map((g) => <GoalItem key={g} id={g} tree={tree} seen={new Set()} />)}
              </List>
            ) : (
              <Text size="sm" c="dimmed">No goals under this theme here.</Text>
            )}
          </List.Item>
        ))}
      </Section>
      {loose.length > 0 && (
        <Section title="Goals without a theme" empty="">
          {loose.map((g) => <GoalItem key={g.id} id={g.id} tree={tree} seen={new Set()} />)}
        </Section>
      )}
      <Section title="Initiatives serving none of these goals" empty="Every initiative shown serves a goal shown.">
        {unlinked.map((n) => <List.Item key={n.id}><Item node={n} /></List.Item>)}
      </Section>
    </Stack>
  );
}

