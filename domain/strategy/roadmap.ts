import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Title } from '../common';
import { InitiativeKind, InitiativeStatus, RiskLevel, type TLinkStrength } from './schemas';

/**
 * The IT roadmap: the contract of its data, and the pure maths of the timeline (time scale,
 * date ↔ position, snapping a dragged bar to days, swimlanes and packing bars into rows).
 *
 * Dates are `YYYY-MM-DD` strings throughout and the arithmetic is done on whole UTC days,
 * so nothing shifts with the viewer's time zone. A window is half-open: [from, to). An
 * initiative's endDate is inclusive: it runs to the end of that day.
 */

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `months` months later; the day is kept, or the month's last day when it has fewer. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

export const startOfMonth = (date: string) => `${date.slice(0, 8)}01`;
export const startOfYear = (date: string) => `${date.slice(0, 4)}-01-01`;
export function startOfQuarter(date: string): string {
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return `${date.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

/** Today's date in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// ─── Window and zoom ────────────────────────────────────────────────────────────────────────

export const ROADMAP_ZOOMS = ['months', 'quarters', 'years'] as const;
export const RoadmapZoom = z.enum(ROADMAP_ZOOMS);
export type TRoadmapZoom = z.infer<typeof RoadmapZoom>;

/** A window of days [from, to). */
export interface RoadmapWindow {
  from: string;
  to: string;
}

/** The longest window the API serves. */
export const MAX_WINDOW_YEARS = 5;

/**
 * Per zoom: how many months the window shows, how far previous/next move it, and where a
 * window starts relative to the day it is opened on.
 */
export const ZOOM: Record<TRoadmapZoom, { label: string; months: number; step: number }> = {
  months: { label: 'Months', months: 6, step: 3 },
  quarters: { label: 'Quarters', months: 12, step: 3 },
  years: { label: 'Years', months: 60, step: 12 },
};

/**
 * The window a zoom opens on around `anchor` (e.g. today): months — from the start of the
 * previous month, 6 months; quarters — the anchor's calendar year; years — from the start of
 * the previous year, 5 years.
 */
export function windowFor(zoom: TRoadmapZoom, anchor: string): RoadmapWindow {
  const from =
    zoom === 'months' ? addMonths(startOfMonth(anchor), -1) : zoom === 'quarters' ? startOfYear(anchor) : addMonths(startOfYear(anchor), -12);
  return { from, to: addMonths(from, ZOOM[zoom].months) };
}

/** The window moved one step back (-1) or forward (+1). */
export function shiftWindow(zoom: TRoadmapZoom, w: RoadmapWindow, direction: -1 | 1): RoadmapWindow {
  const step = ZOOM[zoom].step * direction;
  return { from: addMonths(w.from, step), to: addMonths(w.to, step) };
}

/** The API's window when none is given: the current calendar year. */
export function defaultWindow(today: string): RoadmapWindow {
  const from = startOfYear(today);
  return { from, to: addMonths(from, 12) };
}

/**
 * The window asked for, with the gaps filled: neither → the current year; only `from` → one
 * year from it; only `to` → the year before it.
 */
export function resolveWindow(from: string | undefined, to: string | undefined, today: string): RoadmapWindow {
  if (from && to) return { from, to };
  if (from) return { from, to: addMonths(from, 12) };
  if (to) return { from: addMonths(to, -12), to };
  return defaultWindow(today);
}

/** Why a window is refused (the message for `to`), or null when it is fine. */
export function windowProblem(w: RoadmapWindow): string | null {
  if (w.to <= w.from) return 'must be after from';
  if (w.to > addMonths(w.from, MAX_WINDOW_YEARS * 12)) return `must be at most ${MAX_WINDOW_YEARS} years after from`;
  return null;
}

// ─── Time scale ─────────────────────────────────────────────────────────────────────────────

/** A labelled stretch of the header scale, [start, end), clipped to the window. */
export interface ScaleSegment {
  start: string;
  end: string;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The months (step 1), quarters (3) or years (12) that touch the window, clipped to it. */
function segments(w: RoadmapWindow, stepMonths: number, label: (start: string) => string): ScaleSegment[] {
  const first = stepMonths === 12 ? startOfYear(w.from) : stepMonths === 3 ? startOfQuarter(w.from) : startOfMonth(w.from);
  const out: ScaleSegment[] = [];
  for (let s = first; s < w.to; s = addMonths(s, stepMonths)) {
    const e = addMonths(s, stepMonths);
    out.push({ start: s < w.from ? w.from : s, end: e > w.to ? w.to : e, label: label(s) });
  }
  return out;
}

/**
 * The header scale of a window as rows, top first: months → years over months ("Jan");
 * quarters → years over quarters ("Q1"); years → years.
 */
export function scaleRows(zoom: TRoadmapZoom, w: RoadmapWindow): ScaleSegment[][] {
  const years = segments(w, 12, (s) => s.slice(0, 4));
  if (zoom === 'years') return [years];
  if (zoom === 'quarters') return [years, segments(w, 3, (s) => `Q${Math.floor((Number(s.slice(5, 7)) - 1) / 3) + 1}`)];
  return [years, segments(w, 1, (s) => MONTHS[Number(s.slice(5, 7)) - 1]!)];
}

// ─── Positions ──────────────────────────────────────────────────────────────────────────────

/** Pixels per day when the window fills `width` pixels. */
export function pxPerDay(w: RoadmapWindow, width: number): number {
  return width / daysBetween(w.from, w.to);
}

/** The x of the start of `date`'s day (negative before the window, beyond width after it). */
export function xOf(date: string, w: RoadmapWindow, width: number): number {
  return daysBetween(w.from, date) * pxPerDay(w, width);
}

/** The date of the day under x. */
export function dateAtX(x: number, w: RoadmapWindow, width: number): string {
  return addDays(w.from, Math.floor(x / pxPerDay(w, width)));
}

/**
 * A bar's horizontal extent for [startDate, endDate] (end inclusive), clipped to the window;
 * null when it lies outside. `clippedStart`/`clippedEnd` say whether it runs on beyond an edge.
 */
export function barExtent(startDate: string, endDate: string, w: RoadmapWindow, width: number) {
  if (endDate < w.from || startDate >= w.to) return null;
  const x1 = Math.max(0, xOf(startDate, w, width));
  const x2 = Math.min(width, xOf(addDays(endDate, 1), w, width));
  return { x: x1, width: x2 - x1, clippedStart: startDate < w.from, clippedEnd: addDays(endDate, 1) > w.to };
}

/** A pointer's movement in pixels as whole days (to the nearest day). */
export function snapDays(dx: number, w: RoadmapWindow, width: number): number {
  const days = Math.round(dx / pxPerDay(w, width));
  return days === 0 ? 0 : days; // never -0
}

export type DragMode = 'move' | 'start' | 'end';

/**
 * The dates after dragging a bar by `days`: `move` shifts both; `start` and `end` move one
 * end, never past the other (a one-day bar is the shortest).
 */
export function draggedDates(mode: DragMode, startDate: string, endDate: string, days: number): { startDate: string; endDate: string } {
  if (mode === 'move') return { startDate: addDays(startDate, days), endDate: addDays(endDate, days) };
  if (mode === 'start') {
    const s = addDays(startDate, days);
    return { startDate: s > endDate ? endDate : s, endDate };
  }
  const e = addDays(endDate, days);
  return { startDate, endDate: e < startDate ? startDate : e };
}

// ─── Swimlanes ──────────────────────────────────────────────────────────────────────────────

export const LANE_KINDS = ['theme', 'businessUnit', 'team'] as const;
export type TLaneBy = (typeof LANE_KINDS)[number] | `field:${string}`;

const FIELD_LANE = /^field:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The custom field id of a `field:<id>` lane, or null for the built-in kinds. */
export function laneField(by: TLaneBy): string | null {
  return FIELD_LANE.exec(by)?.[1]?.toLowerCase() ?? null;
}

/** `theme`, `businessUnit`, `team` or `field:<id of a single-choice initiative field>` (no transform: responses carry it too). */
export const LaneBy = z.union([z.enum(LANE_KINDS), z.templateLiteral(['field:', Id])], {
  error: 'must be theme, businessUnit, team or field:<custom field id>',
});

/** Link strength as a number (DESIGN.md, Alignment: weak 1, medium 2, strong 3). */
const STRENGTH: Record<TLinkStrength, number> = { weak: 1, medium: 2, strong: 3 };

/** An initiative's link to an active goal that has a theme, as the theme lane reads it. */
export interface ThemeLink {
  strength: TLinkStrength;
  goalWeight: number;
  themeId: string;
  themeName: string;
}

/**
 * The theme an initiative belongs to on the roadmap: the theme of its strongest link to an
 * active goal (with a theme); ties go to the heavier goal, then to the theme name (A before
 * B, ignoring case), then to the theme id. Null without such a link.
 */
export function themeOf(links: readonly ThemeLink[]): string | null {
  let best: ThemeLink | null = null;
  for (const l of links) {
    if (!best) {
      best = l;
      continue;
    }
    const d =
      STRENGTH[l.strength] - STRENGTH[best.strength] ||
      l.goalWeight - best.goalWeight ||
      compareNames(best.themeName, l.themeName) ||
      (l.themeId < best.themeId ? 1 : l.themeId > best.themeId ? -1 : 0);
    if (d > 0) best = l;
  }
  return best?.themeId ?? null;
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** What lane assignment reads of an initiative. */
export interface LaneSubject {
  businessUnitId: string | null;
  teamId: string | null;
  customFields?: Record<string, unknown> | null;
  /** Links to active goals with a theme (only needed for the theme lanes). */
  themeLinks?: readonly ThemeLink[];
}

/**
 * The lane an initiative falls in, or null for the "none" lane (no theme, no unit, no team,
 * no value). By a custom field: its value when it is a string (a single choice).
 */
export function laneOf(by: TLaneBy, item: LaneSubject): string | null {
  if (by === 'theme') return themeOf(item.themeLinks ?? []);
  if (by === 'businessUnit') return item.businessUnitId;
  if (by === 'team') return item.teamId;
  const field = laneField(by);
  const value = field ? item.customFields?.[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** What "none" is called per lane kind. */
export function noneLaneName(by: TLaneBy): string {
  if (by === 'theme') return 'No theme';
  if (by === 'businessUnit') return 'No business unit';
  if (by === 'team') return 'No team';
  return 'No value';
}

/** A bar to be packed: its id and its days (end inclusive). */
export interface PackBar {
  id: string;
  startDate: string;
  endDate: string;
}

/**
 * Rows inside a lane so that no two bars of a row overlap (a bar ending on the 10th and one
 * starting on the 10th overlap; one starting on the 11th does not). Bars are taken by start
 * (then end, then id) and each goes to the first row free by then — first fit on intervals
 * sorted by start, which uses the fewest rows possible. Returns row per id and the row count.
 */
export function packRows(bars: readonly PackBar[]): { rowOf: Map<string, number>; rows: number } {
  const sorted = [...bars].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const lastEnd: string[] = [];
  const rowOf = new Map<string, number>();
  for (const bar of sorted) {
    let row = lastEnd.findIndex((end) => end < bar.startDate);
    if (row === -1) row = lastEnd.length;
    lastEnd[row] = bar.endDate;
    rowOf.set(bar.id, row);
  }
  return { rowOf, rows: lastEnd.length };
}

// ─── API contract ───────────────────────────────────────────────────────────────────────────

/** A comma-separated list of statuses: `status=planned,in_progress`. */
const StatusList = z
  .string()
  .max(200)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(InitiativeStatus).max(6));

/** Which initiatives a roadmap shows (all optional; given together they all apply). */
export const RoadmapFilters = z.object({
  status: z.array(InitiativeStatus).max(6).optional(),
  businessUnitId: Id.optional(),
  /** Initiatives linked to an active goal of this theme. */
  themeId: Id.optional(),
  teamId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TRoadmapFilters = z.infer<typeof RoadmapFilters>;

/** At most this many bars in one answer (the first by start date); `total` tells how many match. */
export const ROADMAP_MAX_LIMIT = 5000;
export const ROADMAP_DEFAULT_LIMIT = 1000;

/** `GET …/roadmap` (and `roadmap.csv`): the window, the lanes and the filters. */
export const RoadmapQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  lane: LaneBy.default('theme'),
  status: StatusList.optional(),
  businessUnitId: Id.optional(),
  themeId: Id.optional(),
  teamId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(ROADMAP_MAX_LIMIT).default(ROADMAP_DEFAULT_LIMIT),
});
export type TRoadmapQuery = z.infer<typeof RoadmapQuery>;

/** The CSV export has every matching initiative unless told otherwise. */
export const ROADMAP_CSV_MAX = 50_000;
export const RoadmapCsvQuery = RoadmapQuery.extend({
  limit: z.coerce.number().int().min(1).max(ROADMAP_CSV_MAX).default(ROADMAP_CSV_MAX),
});

/** The public share link may move through time; lanes and filters are the saved view's. */
export const PublicRoadmapQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

export const RoadmapLane = z.object({
  /** The theme, unit or team id, the option of a custom field, or null for the "none" lane. */
  id: z.string().nullable(),
  name: z.string(),
  /** The theme's colour (#rrggbb); null for other kinds. */
  color: z.string().nullable(),
  archived: z.boolean(),
});
export type TRoadmapLane = z.infer<typeof RoadmapLane>;

export const RoadmapBar = z.object({
  id: Id,
  title: z.string(),
  status: InitiativeStatus,
  kind: InitiativeKind,
  riskLevel: RiskLevel,
  startDate: IsoDate,
  endDate: IsoDate,
  laneId: z.string().nullable(),
  businessUnitId: Id.nullable(),
  teamId: Id.nullable(),
});
export type TRoadmapBar = z.infer<typeof RoadmapBar>;

export const RoadmapMilestone = z.object({
  id: Id,
  initiativeId: Id,
  title: z.string(),
  dueDate: IsoDate,
  doneOn: IsoDate.nullable(),
});
export type TRoadmapMilestone = z.infer<typeof RoadmapMilestone>;

/** Finish-to-start: `initiativeId` starts after the last day of `dependsOnId` (see startsTooEarly in ./dependencies). */
export const RoadmapDependency = z.object({ id: Id, initiativeId: Id, dependsOnId: Id });
export type TRoadmapDependency = z.infer<typeof RoadmapDependency>;

export const Roadmap = z.object({
  window: z.object({ from: IsoDate, to: IsoDate }),
  lane: z.string(),
  /** Every lane of the kind (live themes, units, teams, field options) and the "none" lane when used. */
  lanes: z.array(RoadmapLane),
  /** The live single-choice initiative fields, which can serve as lanes (`field:<id>`). */
  laneFields: z.array(z.object({ id: Id, label: z.string() })),
  /** The dated initiatives overlapping the window, by start date, at most `limit`. */
  initiatives: z.array(RoadmapBar),
  /** How many dated initiatives match; more than `initiatives.length` when capped. */
  total: z.number().int(),
  /** Milestones of the initiatives shown, due inside the window. */
  milestones: z.array(RoadmapMilestone),
  /** Dependencies between the initiatives shown. */
  dependencies: z.array(RoadmapDependency),
  /** Matching initiatives without both dates (not on the timeline): how many, and the first few by title. */
  undated: z.object({
    count: z.number().int(),
    items: z.array(z.object({ id: Id, title: z.string(), status: InitiativeStatus })),
  }),
});
export type TRoadmap = z.infer<typeof Roadmap>;

/** What a share link shows: swimlanes, zoom and filters. */
export const RoadmapView = z.object({
  lane: LaneBy.default('theme'),
  zoom: RoadmapZoom.default('quarters'),
  filters: RoadmapFilters.default({}),
});
export type TRoadmapView = z.infer<typeof RoadmapView>;

export const RoadmapShare = z.object({
  id: Id,
  name: z.string(),
  view: RoadmapView,
  createdByUserId: Id.nullable(),
  createdAt: IsoDateTime,
  lastViewedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type TRoadmapShare = z.infer<typeof RoadmapShare>;

export const CreateRoadmapShare = z.object({
  name: Title,
  view: RoadmapView.default({ lane: 'theme', zoom: 'quarters', filters: {} }),
});
export type TCreateRoadmapShare = z.infer<typeof CreateRoadmapShare>;

/** A new share link: its URL holds the secret and is shown only in this answer. */
export const CreatedRoadmapShare = RoadmapShare.extend({ url: z.string() });

/**
 * What a share link's visitor gets: the roadmap in the saved view, and whose it is. Its lanes
 * are only those a bar falls in and the one the view's filter names (not every lane of the kind).
 */
export const PublicRoadmap = Roadmap.extend({
  workspaceName: z.string(),
  shareName: z.string(),
  view: RoadmapView,
});
export type TPublicRoadmap = z.infer<typeof PublicRoadmap>;

// ─── CSV ────────────────────────────────────────────────────────────────────────────────────

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * Hand-written: no CSV library is installed and this is the whole of the rule. A cell that
 * starts like a spreadsheet formula (= + - @ tab CR) gets a leading apostrophe so opening
 * the file in a spreadsheet never runs it (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
