/**
 * The alignment graph's filters, kept in the address so a view can be shared. Kept apart from the
 * page so the router reads it without loading the graph library.
 */
export interface GraphSearch {
  theme?: string;
  unit?: string;
  /** Show one goal's neighbourhood. */
  goal?: string;
  /** Drafts, proposals, finished and cancelled items too. */
  inactive?: boolean;
  /** Emphasise orphans and unsupported goals, mute the rest. */
  gaps?: boolean;
  view?: 'list';
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const flag = (v: unknown) => (v === true || v === 'true' ? true : undefined);

export function graphSearch(s: Record<string, unknown>): GraphSearch {
  return {
    theme: text(s.theme),
    unit: text(s.unit),
    goal: text(s.goal),
    inactive: flag(s.inactive),
    gaps: flag(s.gaps),
    view: s.view === 'list' ? 'list' : undefined,
  };
}
