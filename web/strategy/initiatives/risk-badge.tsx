import { StatusBadge } from '../../ui/status-badge';
import { RISK_LEVEL, type Risk } from './labels';

/** An initiative's risk level as a coloured dot and a word (beside a "Risk" label or column). */
export function RiskBadge({ level }: { level: Risk }) {
  return <StatusBadge info={RISK_LEVEL[level]} />;
}
