import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { TGraphNode } from '../../../domain/strategy/graph';
import type { GOAL_STATUSES, INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import type { StatusInfo } from '../../ui/status-badge';
import { GOAL_STATUS, INITIATIVE_STATUS } from '../status';

/** An orphan initiative or an unsupported goal: what the gap highlight shows. */
export const isGap = (n: TGraphNode) => n.flags.orphan || n.flags.unsupported;

/** The label and colour of a goal's or initiative's status (null for a theme). */
export function statusInfo(n: TGraphNode): StatusInfo | null {
  if (n.kind === 'goal') return GOAL_STATUS[n.status as (typeof GOAL_STATUSES)[number]] ?? null;
  if (n.kind === 'initiative') return INITIATIVE_STATUS[n.status as (typeof INITIATIVE_STATUSES)[number]] ?? null;
  return null;
}

export const statusLabel = (n: TGraphNode): string | null => statusInfo(n)?.label ?? n.status;

export const formatValue = (v: number) => Math.round(v).toString();
export const formatProgress = (p: number) => `${Math.round(p * 100)} %`;

/** The node said in words, for screen readers (the graph's aria-label and the list view). */
export function describeNode(n: TGraphNode): string {
  const parts: string[] = [`${n.kind === 'theme' ? 'Theme' : n.kind === 'goal' ? 'Goal' : 'Initiative'}: ${n.title}`];
  const status = statusLabel(n);
  if (status) parts.push(status);
  if (n.weight !== null) parts.push(`weight ${n.weight}`);
  if (n.progress !== null) parts.push(`progress ${formatProgress(n.progress)}`);
  if (n.strategicValue !== null) parts.push(`strategic value ${formatValue(n.strategicValue)} of 100`);
  if (n.flags.unsupported) parts.push('no initiative supports it');
  if (n.flags.orphan) parts.push('orphan: serves no active goal');
  return parts.join(', ');
}

/** Opens a node's page: a goal's or an initiative's own page, the strategy page for a theme. */
export function useOpenNode() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  return useCallback(
    (n: Pick<TGraphNode, 'id' | 'kind'>) => {
      if (n.kind === 'goal') void navigate({ to: '/w/$ws/goals/$goalId', params: { ws: ws.slug, goalId: n.id } });
      else if (n.kind === 'initiative') void navigate({ to: '/w/$ws/initiatives/$initiativeId', params: { ws: ws.slug, initiativeId: n.id } });
      else void navigate({ to: '/w/$ws/strategy', params: { ws: ws.slug } });
    },
    [navigate, ws.slug],
  );
}
