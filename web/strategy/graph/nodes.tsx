import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { TGraphNode } from '../../../domain/strategy/graph';
import { OrphanBadge, UnsupportedBadge } from './badges';
import classes from './graph.module.css';
import { formatProgress, formatValue, statusInfo } from './model';

export type GraphNodeData = { node: TGraphNode; muted: boolean };
export type FlowNode = Node<GraphNodeData, 'theme' | 'goal' | 'initiative'>;

/** The handle a goal's line to the goals below it leaves from (bottom left, above their indented cards). */
export const TREE_HANDLE = 'tree';

// Plain elements, not Mantine components: up to 400 of these render at once.

/** Hidden connection points: edges need them, nobody draws new edges here. */
function Handles({ tree = false }: { tree?: boolean }) {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={classes.handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={classes.handle} />
      {tree && <Handle type="source" id={TREE_HANDLE} position={Position.Bottom} isConnectable={false} className={classes.handle} style={{ left: 14 }} />}
    </>
  );
}

function Status({ node }: { node: TGraphNode }) {
  const info = statusInfo(node);
  if (!info) return null;
  return (
    <span className={classes.status}>
      <span className={classes.dot} style={{ background: `var(--mantine-color-${info.color}-6)` }} aria-hidden />
      {info.label}
    </span>
  );
}

function cardClass(n: TGraphNode, muted: boolean, extra = '') {
  const gap = n.flags.orphan ? classes.orphan : n.flags.unsupported ? classes.unsupported : '';
  return [classes.card, extra, n.inactive && classes.inactive, muted ? classes.muted : gap].filter(Boolean).join(' ');
}

/** A theme: a chip in its colour. */
const ThemeNode = memo(function ThemeNode({ data: { node, muted } }: NodeProps<FlowNode>) {
  return (
    <div className={cardClass(node, muted, classes.theme)} style={muted ? undefined : { borderColor: node.color ?? undefined }}>
      <Handles />
      <span className={classes.swatch} style={{ background: node.color ?? '#868e96' }} aria-hidden />
      <span className={classes.title}>{node.title}</span>
    </div>
  );
});

/** A goal: title, status, weight and key-result progress; amber with "No initiative" when unsupported. */
const GoalNode = memo(function GoalNode({ data: { node, muted } }: NodeProps<FlowNode>) {
  return (
    <div className={cardClass(node, muted)} style={muted || node.flags.unsupported ? undefined : { borderLeft: `4px solid ${node.color ?? '#adb5bd'}` }}>
      <Handles tree />
      <div className={classes.head}>
        <span className={classes.kind}>Goal</span>
        {!muted && (node.flags.unsupported ? <UnsupportedBadge /> : <Status node={node} />)}
      </div>
      <span className={classes.title}>{node.title}</span>
      <div className={classes.meta}>
        {node.progress !== null ? (
          <div className={classes.head}>
            <span className={classes.bar} aria-hidden>
              <span style={{ width: `${node.progress * 100}%` }} />
            </span>
            <span>{formatProgress(node.progress)}</span>
          </div>
        ) : (
          `Weight ${node.weight ?? '—'}`
        )}
      </div>
    </div>
  );
});

/** An initiative: title, status and strategic value; red and "Orphan" when it serves no active goal. */
const InitiativeNode = memo(function InitiativeNode({ data: { node, muted } }: NodeProps<FlowNode>) {
  return (
    <div className={cardClass(node, muted)}>
      <Handles />
      <div className={classes.head}>
        <span className={classes.kind}>Initiative</span>
        {!muted && (node.flags.orphan ? <OrphanBadge /> : <Status node={node} />)}
      </div>
      <span className={classes.title}>{node.title}</span>
      <div className={classes.meta}>
        {node.strategicValue !== null ? `Strategic value ${formatValue(node.strategicValue)} / 100` : 'Not in the portfolio'}
      </div>
    </div>
  );
});

export const nodeTypes = { theme: ThemeNode, goal: GoalNode, initiative: InitiativeNode };
