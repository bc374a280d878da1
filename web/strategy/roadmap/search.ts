/**
 * The roadmap page's view, kept in the address so a view can be bookmarked and shared with
 * colleagues: zoom, where the window starts, swimlanes and filters. Plain checks, no zod: the
 * router's first download stays small.
 */
export interface RoadmapSearch {
  zoom?: 'months' | 'quarters' | 'years';
  /** First day of the window (YYYY-MM-DD); left out: the zoom's window around today. */
  from?: string;
  /** theme (default), businessUnit, team or field:<id>. */
  lane?: string;
  /** Comma-separated statuses. */
  status?: string;
  unit?: string;
  theme?: string;
  team?: string;
  q?: string;
}

const ZOOMS = ['months', 'quarters', 'years'];
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

export function roadmapSearch(s: Record<string, unknown>): RoadmapSearch {
  return {
    zoom: ZOOMS.includes(s.zoom as string) ? (s.zoom as RoadmapSearch['zoom']) : undefined,
    from: typeof s.from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.from) ? s.from : undefined,
    lane: text(s.lane),
    status: text(s.status),
    unit: text(s.unit),
    theme: text(s.theme),
    team: text(s.team),
    q: text(s.q),
  };
}
