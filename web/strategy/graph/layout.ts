import dagre, { type GraphLabel, type RankerFunction } from '@dagrejs/dagre';
import type { TGraphEdge, TGraphNode } from '../../../domain/strategy/graph';

/** Drawn size of each kind of node: dagre needs it to place them without overlap. */
export const NODE_SIZE: Record<TGraphNode['kind'], { width: number; height: number }> = {
  theme: { width: 210, height: 52 },
  goal: { width: 260, height: 112 },
  initiative: { width: 260, height: 104 },
};

/** How far a goal sits right of its parent goal, and the space between goals of one tree. */
export const TREE_INDENT = 28;
const TREE_GAP = 14;

/** The goal trees shown: each top-level goal (or goal whose parent is not shown) with its goals below it, depth first. */
function goalTrees(nodes: readonly TGraphNode[], edges: readonly TGraphEdge[]) {
  const goals = nodes.filter((n) => n.kind === 'goal');
  const shown = new Set(goals.map((g) => g.id));
  const parentOf = new Map<string, string>();
  const childrenOf = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind !== 'parent-child' || !shown.has(e.source) || !shown.has(e.target)) continue;
    parentOf.set(e.target, e.source);
    childrenOf.set(e.source, [...(childrenOf.get(e.source) ?? []), e.target]);
  }
  /** goal → its tree's root and its place in the tree. */
  const place = new Map<string, { root: string; depth: number; row: number }>();
  const trees: { root: string; rows: number; depth: number }[] = [];
  const walk = (id: string, root: string, depth: number, tree: { rows: number; depth: number }) => {
    if (place.has(id)) return; // a cycle cannot happen (validation), but never loop
    place.set(id, { root, depth, row: tree.rows++ });
    tree.depth = Math.max(tree.depth, depth);
    for (const c of childrenOf.get(id) ?? []) walk(c, root, depth + 1, tree);
  };
  // The order of the nodes (goals by weight) is the order of the roots and of siblings.
  for (const g of goals) {
    if (parentOf.has(g.id)) continue;
    const tree = { root: g.id, rows: 0, depth: 0 };
    walk(g.id, g.id, 0, tree);
    trees.push(tree);
  }
  // Goals only reachable through a cycle of parents: trees of their own.
  for (const g of goals) {
    if (place.has(g.id)) continue;
    const tree = { root: g.id, rows: 0, depth: 0 };
    walk(g.id, g.id, 0, tree);
    trees.push(tree);
  }
  return { trees, place };
}

/**
 * Top-left positions of the nodes: themes | goals | initiatives, left to right, laid out by
 * dagre. Each goal tree is one block for dagre (its goals stacked and indented below its top
 * goal), so every edge dagre sees spans one column: with a column per goal level, edges from
 * top goals to initiatives crossed many columns and dagre took seconds on 400 nodes. A ranker
 * of our own pins the columns (dagre would put an unlinked initiative in the first one); two
 * ranks a column, the odd ones holding the bends of the edges, rank 0 being dagre's own root.
 */
export function layoutGraph(nodes: readonly TGraphNode[], edges: readonly TGraphEdge[]): Map<string, { x: number; y: number }> {
  const { trees, place } = goalTrees(nodes, edges);
  const goalSize = NODE_SIZE.goal;
  const blockOf = (goalId: string) => `tree:${place.get(goalId)!.root}`;
  const column = new Map<string, number>();
  const g = new dagre.graphlib.Graph();
  const ranker: RankerFunction = (lg) => {
    for (const v of lg.nodes()) lg.node(v).rank = 2 * (column.get(v) ?? -1) + 2;
  };
  // GraphLabel types `ranker` as a name only; dagre also takes a function (RankerFunction).
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 110, marginx: 16, marginy: 16, ranker: ranker as unknown as GraphLabel['ranker'] });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    if (n.kind === 'goal') continue;
    column.set(n.id, n.kind === 'theme' ? 0 : 2);
    g.setNode(n.id, { ...NODE_SIZE[n.kind] });
  }
  for (const t of trees) {
    const id = `tree:${t.root}`;
    column.set(id, 1);
    g.setNode(id, { width: goalSize.width + t.depth * TREE_INDENT, height: t.rows * goalSize.height + (t.rows - 1) * TREE_GAP });
  }
  for (const e of edges) {
    if (e.kind === 'theme-goal' && place.has(e.target) && column.has(e.source)) g.setEdge(e.source, blockOf(e.target));
    else if (e.kind === 'goal-initiative' && place.has(e.source) && column.has(e.target)) g.setEdge(blockOf(e.source), e.target);
  }
  dagre.layout(g);

  const topLeft = (v: string) => {
    const p = g.node(v) as { x: number; y: number; width: number; height: number };
    return { x: p.x - p.width / 2, y: p.y - p.height / 2 };
  };
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    if (n.kind !== 'goal') {
      out.set(n.id, topLeft(n.id));
      continue;
    }
    const at = place.get(n.id)!;
    const block = topLeft(`tree:${at.root}`);
    out.set(n.id, { x: block.x + at.depth * TREE_INDENT, y: block.y + at.row * (goalSize.height + TREE_GAP) });
  }
  return out;
}
