import { z } from 'zod';
import { Id } from '../common';
import { type AlignmentGoal, type AlignmentInitiative, type AlignmentLink, isActiveGoal, isPortfolio } from './alignment';
import { LinkStrength } from './schemas';
import { effectiveThemes, type ThemedGoal } from './themes';

/**
 * The alignment graph: themes → goals → initiatives, as nodes and edges for a diagram.
 * Pure: the server loads the workspace, computes the alignment over all of it
 * (domain/strategy/alignment.ts) and hands both here; this picks what the filters ask for and
 * caps it to a size a person can read.
 */

/** Nodes the graph holds at most unless the caller asks otherwise. */
export const GRAPH_MAX_NODES = 400;

/** `GET …/alignment/graph` filters. */
export const AlignmentGraphQuery = z.object({
  /** Goals under this theme (directly or through their parent goal) and the initiatives linked to them. */
  themeId: Id.optional(),
  /** Goals and initiatives of this unit, with what they are linked to. */
  businessUnitId: Id.optional(),
  /** This goal's neighbourhood: its parents, the goals below it, their initiatives and the other goals those serve. */
  goalId: Id.optional(),
  /** `true`: drafts, achieved and missed goals, proposed, done and cancelled initiatives too (shown as inactive). */
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The most nodes to return (10–1,000, default 400): beyond it the graph is cut and `truncated` is set. */
  maxNodes: z.coerce.number().int().min(10).max(1_000).default(GRAPH_MAX_NODES),
});
export type TAlignmentGraphQuery = z.infer<typeof AlignmentGraphQuery>;

export const GRAPH_NODE_KINDS = ['theme', 'goal', 'initiative'] as const;
export const GraphNodeKind = z.enum(GRAPH_NODE_KINDS);
export const GRAPH_EDGE_KINDS = ['theme-goal', 'parent-child', 'goal-initiative'] as const;
export const GraphEdgeKind = z.enum(GRAPH_EDGE_KINDS);

export const GraphNode = z.object({
  /** The theme's, goal's or initiative's id. */
  id: Id,
  kind: GraphNodeKind,
  title: z.string(),
  /** The goal's or initiative's status; null for a theme. */
  status: z.string().nullable(),
  /** The theme's colour (#rrggbb); for a goal, the colour of its theme; null otherwise. */
  color: z.string().nullable(),
  /** A goal's theme (its own, or else its parent goal's); null for themes and initiatives. */
  themeId: Id.nullable(),
  businessUnitId: Id.nullable(),
  /** A goal's weight (1–100). */
  weight: z.number().int().nullable(),
  /** A goal's progress from its key results (0–1), null without key results or for other kinds. */
  progress: z.number().min(0).max(1).nullable(),
  /** An initiative's strategic value (0–100), null for other kinds or without active goals. */
  strategicValue: z.number().nullable(),
  /** A goal that is not active or an initiative outside the portfolio (shown only with includeInactive). */
  inactive: z.boolean(),
  /** Computed over the whole workspace, whatever the filters. */
  flags: z.object({
    /** A portfolio initiative linked to no active goal. */
    orphan: z.boolean(),
    /** An active goal no portfolio initiative is linked to. */
    unsupported: z.boolean(),
  }),
});
export type TGraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string(),
  /** theme → goal, parent goal → child goal, goal → initiative. */
  source: Id,
  target: Id,
  kind: GraphEdgeKind,
  /** The link's strength (goal-initiative edges only). */
  strength: LinkStrength.nullable(),
});
export type TGraphEdge = z.infer<typeof GraphEdge>;

const GraphCounts = z.object({
  themes: z.number().int(),
  goals: z.number().int(),
  initiatives: z.number().int(),
  edges: z.number().int(),
  /** Orphan initiatives and unsupported goals among them. */
  orphans: z.number().int(),
  unsupported: z.number().int(),
});
export type TGraphCounts = z.infer<typeof GraphCounts>;

export const AlignmentGraph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** True when the filtered graph held more than maxNodes and was cut. */
  truncated: z.boolean(),
  /** The filtered graph before the cut. */
  totals: GraphCounts,
  maxNodes: z.number().int(),
  /** What to do about a cut graph, for people. */
  hint: z.string().nullable(),
  /** The workspace's live themes, for the theme filter. */
  themes: z.array(z.object({ id: Id, name: z.string(), color: z.string() })),
});
export type TAlignmentGraph = z.infer<typeof AlignmentGraph>;

// ——— building ———

export interface GraphThemeInput {
  id: string;
  name: string;
  color: string;
  position: number;
}
export interface GraphGoalInput extends AlignmentGoal {
  title: string;
  parentGoalId: string | null;
}
export interface GraphInitiativeInput extends AlignmentInitiative {
  title: string;
}
/** What computeAlignment says about the whole workspace. */
export interface GraphAlignment {
  orphanInitiativeIds: readonly string[];
  unsupportedGoalIds: readonly string[];
  strategicValue: ReadonlyMap<string, number | null>;
}
export interface GraphInput {
  /** Live themes. */
  themes: readonly GraphThemeInput[];
  /** The goals and initiatives of the workspace: the live ones at least (archived ones given here are left out). */
  goals: readonly GraphGoalInput[];
  initiatives: readonly GraphInitiativeInput[];
  /** Links; those to goals or initiatives not given (or archived) are left out. */
  links: readonly AlignmentLink[];
  /** Archived goals not in `goals`, for the theme rule only: a goal without a theme serves its parent's, archived or not. */
  archivedGoals?: readonly ThemedGoal[];
  alignment: GraphAlignment;
}
export interface GraphFilter {
  themeId?: string;
  businessUnitId?: string;
  goalId?: string;
  includeInactive?: boolean;
  maxNodes?: number;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

// A collator compares much faster than String#localeCompare (thousands of items get sorted here).
const collator = new Intl.Collator('en');
const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) =>
  collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The graph for `filter`: nodes (themes, goals, initiatives) and the edges between them.
 * Archived goals and initiatives never show; without includeInactive only active goals and
 * portfolio initiatives do (orphans are portfolio initiatives, so they show). A graph over
 * maxNodes keeps, in order: the requested goal with its parents and children, the themes,
 * goals by weight (about 40 % of the room unless initiatives need less), and initiatives
 * linked to the kept goals by strategic value, then orphans by cost, then the rest.
 */
export function buildAlignmentGraph(input: GraphInput, filter: GraphFilter = {}): TAlignmentGraph {
  const maxNodes = filter.maxNodes ?? GRAPH_MAX_NODES;
  const orphans = new Set(input.alignment.orphanInitiativeIds);
  const unsupported = new Set(input.alignment.unsupportedGoalIds);
  const themeById = new Map(input.themes.map((t) => [t.id, t]));
  const goalById = new Map(input.goals.map((g) => [g.id, g]));
  const iniById = new Map(input.initiatives.map((i) => [i.id, i]));

  // A goal's theme: the one rule of domain/strategy/themes.ts (its own if live, else its nearest ancestor's).
  const themeOf = effectiveThemes([...(input.archivedGoals ?? []), ...input.goals], (t) => themeById.has(t));

  const goalShown = (g: GraphGoalInput) => !g.archived && (filter.includeInactive || isActiveGoal(g));
  const iniShown = (i: GraphInitiativeInput) => !i.archived && (filter.includeInactive || isPortfolio(i));

  // Links of live items by goal (and by initiative, made only when a filter needs them), and live children of each goal.
  const liveLinks = input.links.filter((l) => {
    const g = goalById.get(l.goalId);
    const i = iniById.get(l.initiativeId);
    return g !== undefined && i !== undefined && !g.archived && !i.archived;
  });
  const linksOfGoal = new Map<string, AlignmentLink[]>();
  for (const l of liveLinks) push(linksOfGoal, l.goalId, l);
  let byIni: Map<string, AlignmentLink[]> | null = null;
  const linksOfIni = () => {
    if (!byIni) {
      byIni = new Map();
      for (const l of liveLinks) push(byIni, l.initiativeId, l);
    }
    return byIni;
  };
  const childrenOf = new Map<string, string[]>();
  for (const g of input.goals) if (g.parentGoalId && !g.archived) push(childrenOf, g.parentGoalId, g.id);

  let goals = new Set(input.goals.filter(goalShown).map((g) => g.id));
  let inis = new Set(input.initiatives.filter(iniShown).map((i) => i.id));
  const linkedInis = (goalIds: Iterable<string>, among: Set<string>) => {
    const out = new Set<string>();
    for (const g of goalIds) for (const l of linksOfGoal.get(g) ?? []) if (among.has(l.initiativeId)) out.add(l.initiativeId);
    return out;
  };
  const linkedGoals = (iniIds: Iterable<string>, among: Set<string>) => {
    const out = new Set<string>();
    const byInitiative = linksOfIni();
    for (const i of iniIds) for (const l of byInitiative.get(i) ?? []) if (among.has(l.goalId)) out.add(l.goalId);
    return out;
  };

  // The requested goal's neighbourhood, and what must survive the cap.
  const focus = filter.goalId ? goalById.get(filter.goalId) : undefined;
  const mustGoals: string[] = [];
  if (focus) {
    const up: string[] = [];
    for (let p = focus.parentGoalId ? goalById.get(focus.parentGoalId) : undefined; p && !up.includes(p.id) && p.id !== focus.id;
      p = p.parentGoalId ? goalById.get(p.parentGoalId) : undefined) {
      if (!p.archived) up.push(p.id);
    }
    const down: string[] = [];
    const queue = [focus.id];
    const seen = new Set(queue);
    while (queue.length) {
      for (const c of childrenOf.get(queue.shift()!) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        down.push(c);
        queue.push(c);
      }
    }
    const nInis = linkedInis([focus.id, ...down], inis);
    const nGoals = new Set([focus.id, ...up, ...down, ...linkedGoals(nInis, goals)]);
    goals = new Set([...goals].filter((g) => nGoals.has(g)));
    inis = nInis;
    mustGoals.push(focus.id, ...up, ...(childrenOf.get(focus.id) ?? []));
  }
  if (filter.themeId) {
    goals = new Set([...goals].filter((g) => themeOf(g) === filter.themeId));
    inis = linkedInis(goals, inis);
  }
  if (filter.businessUnitId) {
    const unit = filter.businessUnitId;
    const unitGoals = [...goals].filter((g) => goalById.get(g)!.businessUnitId === unit);
    const unitInis = [...inis].filter((i) => iniById.get(i)!.businessUnitId === unit);
    const nextGoals = new Set([...unitGoals, ...linkedGoals(unitInis, goals)]);
    inis = new Set([...unitInis, ...linkedInis(unitGoals, inis)]);
    goals = nextGoals;
  }
  if (focus && !focus.archived) goals.add(focus.id);

  let themes: GraphThemeInput[];
  if (filter.themeId) themes = input.themes.filter((t) => t.id === filter.themeId);
  else if (filter.businessUnitId || focus) {
    const used = new Set([...goals].map(themeOf));
    themes = input.themes.filter((t) => used.has(t.id));
  } else themes = [...input.themes];
  themes.sort((a, b) => a.position - b.position || collator.compare(a.name, b.name));

  const sv = (id: string) => input.alignment.strategicValue.get(id) ?? null;
  const cost = (i: GraphInitiativeInput) => i.capex + i.opex;
  const goalList = [...goals].map((id) => goalById.get(id)!).sort((a, b) => b.weight - a.weight || byTitle(a, b));
  // Sorted on keys read once (thousands of initiatives: a map lookup per comparison adds up).
  const iniList = [...inis]
    .map((id) => ({ i: iniById.get(id)!, key: sv(id) ?? -1 }))
    .sort((a, b) => b.key - a.key || byTitle(a.i, b.i))
    .map((x) => x.i);

  const totals = counts(themes.length, goalList, iniList, edgeCount(goals, inis));
  let keptThemes = themes;
  let keptGoals = goals;
  let keptInis = inis;
  const truncated = themes.length + goals.size + inis.size > maxNodes;
  if (truncated) {
    keptThemes = themes.slice(0, Math.max(1, Math.floor(maxNodes / 4)));
    const must = [...new Set(mustGoals)].filter((id) => goals.has(id)).slice(0, maxNodes - keptThemes.length);
    keptGoals = new Set(must);
    let room = maxNodes - keptThemes.length - keptGoals.size;
    const otherGoals = goalList.filter((g) => !keptGoals.has(g.id));
    const goalRoom = Math.min(otherGoals.length, Math.max(Math.ceil(room * 0.4), room - iniList.length));
    for (const g of otherGoals.slice(0, goalRoom)) keptGoals.add(g.id);
    room = maxNodes - keptThemes.length - keptGoals.size;
    // Initiatives: those serving the kept goals first (by strategic value), then orphans (costliest first), then the rest.
    const serving = linkedInis(keptGoals, inis);
    const rank = (i: GraphInitiativeInput) => (serving.has(i.id) ? 0 : orphans.has(i.id) ? 1 : 2);
    const ranked = iniList
      .map((i, order) => ({ i, order, r: rank(i) }))
      .sort((a, b) => a.r - b.r || (a.r === 1 ? cost(b.i) - cost(a.i) : 0) || a.order - b.order);
    keptInis = new Set(ranked.slice(0, room).map((x) => x.i.id));
    // Room the initiatives did not need goes back to goals.
    room = maxNodes - keptThemes.length - keptGoals.size - keptInis.size;
    for (const g of otherGoals.slice(goalRoom, goalRoom + room)) keptGoals.add(g.id);
  }

  const themeIds = new Set(keptThemes.map((t) => t.id));
  const nodes: TGraphNode[] = [
    ...keptThemes.map((t): TGraphNode => ({
      id: t.id, kind: 'theme', title: t.name, status: null, color: t.color, themeId: null, businessUnitId: null, weight: null,
      progress: null, strategicValue: null, inactive: false, flags: { orphan: false, unsupported: false },
    })),
    ...goalList.filter((g) => keptGoals.has(g.id)).map((g): TGraphNode => {
      const theme = themeOf(g.id);
      return {
        id: g.id, kind: 'goal', title: g.title, status: g.status, color: theme ? themeById.get(theme)!.color : null, themeId: theme,
        businessUnitId: g.businessUnitId, weight: g.weight, progress: null, strategicValue: null, inactive: !isActiveGoal(g),
        flags: { orphan: false, unsupported: unsupported.has(g.id) },
      };
    }),
    ...iniList.filter((i) => keptInis.has(i.id)).map((i): TGraphNode => ({
      id: i.id, kind: 'initiative', title: i.title, status: i.status, color: null, themeId: null, businessUnitId: i.businessUnitId,
      weight: null, progress: null, strategicValue: sv(i.id), inactive: !isPortfolio(i),
      flags: { orphan: orphans.has(i.id), unsupported: false },
    })),
  ];
  const edges = edgesOf(keptGoals, keptInis, themeIds);

  const shown = nodes.length;
  const all = totals.themes + totals.goals + totals.initiatives;
  return {
    nodes,
    edges,
    truncated,
    totals,
    maxNodes,
    hint: truncated
      ? `Showing ${shown} of ${all} items: the goals of highest weight and the initiatives serving them. ` +
        'Filter by theme, business unit or goal to see the rest.'
      : null,
    themes: input.themes.map((t) => ({ id: t.id, name: t.name, color: t.color })),
  };

  /** Edges among the given goals and initiatives, and from the themes `themeIds` (by default the filtered ones). */
  function edgesOf(goalIds: Set<string>, iniIds: Set<string>, themeIds?: Set<string>): TGraphEdge[] {
    const out: TGraphEdge[] = [];
    const ordered = goalList.filter((g) => goalIds.has(g.id));
    const themesShown = themeIds ?? new Set(themes.map((t) => t.id));
    for (const g of ordered) {
      const theme = themeOf(g.id);
      const parentShown = g.parentGoalId !== null && goalIds.has(g.parentGoalId);
      // A goal hangs from its theme unless its parent, shown, already carries that theme.
      if (theme && themesShown.has(theme) && !(parentShown && themeOf(g.parentGoalId!) === theme)) {
        out.push({ id: `t:${theme}:${g.id}`, source: theme, target: g.id, kind: 'theme-goal', strength: null });
      }
      if (parentShown) out.push({ id: `p:${g.parentGoalId}:${g.id}`, source: g.parentGoalId!, target: g.id, kind: 'parent-child', strength: null });
    }
    for (const g of ordered) {
      for (const l of linksOfGoal.get(g.id) ?? []) {
        if (iniIds.has(l.initiativeId)) {
          out.push({ id: `l:${g.id}:${l.initiativeId}`, source: g.id, target: l.initiativeId, kind: 'goal-initiative', strength: l.strength });
        }
      }
    }
    return out;
  }

  /** How many edges edgesOf would give, without making the (possibly tens of thousands of) link edges. */
  function edgeCount(goalIds: Set<string>, iniIds: Set<string>): number {
    let n = edgesOf(goalIds, new Set()).length;
    for (const g of goalIds) for (const l of linksOfGoal.get(g) ?? []) if (iniIds.has(l.initiativeId)) n++;
    return n;
  }

  function counts(themeCount: number, gs: GraphGoalInput[], is: GraphInitiativeInput[], edgeCount: number): TGraphCounts {
    return {
      themes: themeCount, goals: gs.length, initiatives: is.length, edges: edgeCount,
      orphans: is.filter((i) => orphans.has(i.id)).length, unsupported: gs.filter((g) => unsupported.has(g.id)).length,
    };
  }
}
