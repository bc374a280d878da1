import type { ListSearch } from '../../app/router';
import { INITIATIVE_KIND, RISK_LEVEL, type Kind, type Risk } from './labels';

/** The initiatives list's filters in the address: the shared ones plus team, kind and risk level. */
export interface InitiativeSearch<S extends string> extends ListSearch<S> {
  team?: string;
  kind?: Kind;
  risk?: Risk;
}

/** Reads team, kind and risk from the address; unknown values are dropped. */
export function initiativeExtraSearch(s: Record<string, unknown>): Pick<InitiativeSearch<string>, 'team' | 'kind' | 'risk'> {
  return {
    team: typeof s.team === 'string' && s.team ? s.team : undefined,
    kind: typeof s.kind === 'string' && s.kind in INITIATIVE_KIND ? (s.kind as Kind) : undefined,
    risk: typeof s.risk === 'string' && s.risk in RISK_LEVEL ? (s.risk as Risk) : undefined,
  };
}
