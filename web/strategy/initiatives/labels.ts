import type { INITIATIVE_KINDS, RISK_LEVELS } from '../../../domain/strategy/schemas';
import type { StatusInfo } from '../../ui/status-badge';

export type Kind = (typeof INITIATIVE_KINDS)[number];
export type Risk = (typeof RISK_LEVELS)[number];

/** How an initiative's kind reads (typed exhaustively by the contract; no zod in the first download). */
export const INITIATIVE_KIND: Record<Kind, { label: string; description: string }> = {
  project: { label: 'Project', description: 'A piece of work with a start, an end and a result' },
  programme: { label: 'Programme', description: 'Several related projects steered together' },
  epic: { label: 'Epic', description: 'A large body of work inside a project or programme' },
};

export const RISK_LEVEL: Record<Risk, StatusInfo> = {
  low: { label: 'Low', color: 'teal' },
  medium: { label: 'Medium', color: 'yellow' },
  high: { label: 'High', color: 'orange' },
  critical: { label: 'Critical', color: 'red' },
};

export const kindOptions = (Object.keys(INITIATIVE_KIND) as Kind[]).map((k) => ({ value: k, label: INITIATIVE_KIND[k].label }));
export const riskOptions = (Object.keys(RISK_LEVEL) as Risk[]).map((r) => ({ value: r, label: RISK_LEVEL[r].label }));
