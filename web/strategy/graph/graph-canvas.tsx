import '@xyflow/react/dist/style.css';
import { Background, Controls, type Edge, MarkerType, MiniMap, ReactFlow, useNodesState } from '@xyflow/react';
import { type KeyboardEvent, useCallback, useEffect, useMemo } from 'react';
import type { TAlignmentGraph, TGraphEdge, TGraphNode } from '../../../domain/strategy/graph';
import type { TLinkStrength } from '../../../domain/strategy/schemas';
import { LINK_STRENGTH } from '../status';
import classes from './graph.module.css';
import { NODE_SIZE, layoutGraph } from './layout';
import { describeNode, isGap, useOpenNode } from './model';
import { type FlowNode, nodeTypes, TREE_HANDLE } from './nodes';

/** Link strength as line width: weak thin, strong thick. */
export const STRENGTH_WIDTH: Record<TLinkStrength, number> = { weak: 1.25, medium: 2.5, strong: 4.5 };
const LINK_COLOUR = '#4c6ef5';
/** Height (px at zoom 1) above which the graph opens on its top part. */
const TALL = 2400;
/** Above this many links, their words would bury the graph: the line width alone says the strength. */
const LABELLED_LINKS = 60;

function flowEdge(e: TGraphEdge, byId: Map<string, TGraphNode>, muted: boolean, labelled: boolean): Edge {
  const faded = muted ? { opacity: 0.25 } : {};
  if (e.kind === 'goal-initiative') {
    const strength = e.strength ?? 'weak';
    return {
      id: e.id, source: e.source, target: e.target,
      style: { stroke: LINK_COLOUR, strokeWidth: STRENGTH_WIDTH[strength], ...faded },
      markerEnd: { type: MarkerType.ArrowClosed, color: LINK_COLOUR, width: 14, height: 14 },
      label: labelled && !muted ? LINK_STRENGTH[strength].label : undefined,
      labelStyle: { fontSize: 11, fill: '#343a40' },
      labelBgPadding: [4, 2],
      ariaLabel: `${byId.get(e.source)?.title ?? ''} is served by ${byId.get(e.target)?.title ?? ''} (${strength})`,
    };
  }
  if (e.kind === 'parent-child') {
    // The goals below a goal are stacked under it, indented: an elbow from its bottom left.
    return {
      id: e.id, source: e.source, target: e.target, sourceHandle: TREE_HANDLE, type: 'smoothstep',
      style: { stroke: '#868e96', strokeWidth: 1.5, ...faded },
    };
  }
  const colour = byId.get(e.source)?.color ?? '#adb5bd';
  return { id: e.id, source: e.source, target: e.target, style: { stroke: colour, strokeWidth: 1.5, strokeDasharray: '5 4', ...faded } };
}

function miniMapColour(n: FlowNode): string {
  const node = n.data.node;
  if (node.flags.orphan) return '#e03131';
  if (node.flags.unsupported) return '#f08c00';
  if (node.kind === 'theme') return node.color ?? '#868e96';
  return node.kind === 'goal' ? '#748ffc' : '#adb5bd';
}

interface Props {
  graph: TAlignmentGraph;
  /** Mute everything but orphans and unsupported goals (themes keep their colour for orientation). */
  gapsOnly: boolean;
}

/**
 * The graph drawn with React Flow: laid out by dagre in columns (themes, goal trees,
 * initiatives), zoomable, with a mini map. Nodes take the keyboard focus (Tab); Enter or a click opens the
 * item's page. Its own chunk: the page loads it lazily.
 */
export function GraphCanvas({ graph, gapsOnly }: Props) {
  const open = useOpenNode();
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const positions = useMemo(() => layoutGraph(graph.nodes, graph.edges), [graph]);

  const laidOut = useMemo<FlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: n.kind,
        position: positions.get(n.id)!,
        ...NODE_SIZE[n.kind],
        data: { node: n, muted: gapsOnly && n.kind !== 'theme' && !isGap(n) },
        ariaLabel: `${describeNode(n)}. Press Enter to open.`,
        ariaRole: 'link',
        draggable: false,
        connectable: false,
      })),
    [graph, positions, gapsOnly],
  );
  // A tall graph fitted whole would be too small to read: it opens at a readable zoom on the top
  // of its goals (the initiatives column, longer, reaches above them), and the wheel scrolls.
  const fitNodes = useMemo(() => {
    const y = (n: TGraphNode) => positions.get(n.id)!.y;
    const ys = graph.nodes.map(y);
    if (Math.max(...ys) - Math.min(...ys) <= TALL) return undefined;
    const goals = graph.nodes.filter((n) => n.kind === 'goal');
    const top = Math.min(...(goals.length > 0 ? goals : graph.nodes).map(y));
    return graph.nodes.filter((n) => y(n) >= top - 150 && y(n) < top + TALL / 3).map((n) => ({ id: n.id }));
  }, [graph, positions]);
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(laidOut);
  useEffect(() => setNodes(laidOut), [laidOut, setNodes]);

  const edges = useMemo(() => {
    const labelled = graph.edges.filter((e) => e.kind === 'goal-initiative').length <= LABELLED_LINKS;
    return graph.edges.map((e) => {
      const muted = gapsOnly && !isGap(byId.get(e.source)!) && !isGap(byId.get(e.target)!);
      return flowEdge(e, byId, muted, labelled);
    });
  }, [graph, byId, gapsOnly]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Enter') return;
      const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
      const node = id ? byId.get(id) : undefined;
      if (node) open(node);
    },
    [byId, open],
  );

  return (
    <div className={classes.canvas} role="region" aria-label="Alignment graph (the List view tab shows the same in text)" onKeyDown={onKeyDown}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        onNodeClick={(_, n) => open(n.data.node)}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: 0.1, nodes: fitNodes, maxZoom: 1 }}
        panOnScroll={Boolean(fitNodes)}
        minZoom={0.05}
        maxZoom={2}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap<FlowNode> pannable zoomable nodeColor={miniMapColour} nodeStrokeWidth={2} />
      </ReactFlow>
    </div>
  );
}
