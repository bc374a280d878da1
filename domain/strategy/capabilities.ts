import { z } from 'zod';
import { Id, IncludeArchived, IsoDateTime, LongText, Title } from '../common';

/**
 * Business capabilities: what the organisation must be able to do, in a tree, each with a
 * current and a target maturity (1–5). The gap (target − current) is what the heat map shows.
 *
 * Roll-up of a capability with sub-capabilities (computed over its live children, each child
 * counting once with its own roll-up, so a deep branch weighs as much as a leaf):
 * - gap: the largest gap among the children — the heat map must not hide the worst spot
 *   under an average;
 * - current and target maturity: the mean of the children's.
 * A capability's own maturities and gap stay as they were assessed; the roll-up sits beside them.
 */

export const MATURITY_MIN = 1;
export const MATURITY_MAX = 5;
export const Maturity = z.number().int().min(MATURITY_MIN).max(MATURITY_MAX);
const Position = z.number().int().min(0).max(1_000_000);

/** target − current; null when either is unknown. Negative when the capability is beyond its target. */
export function capabilityGap(current: number | null, target: number | null): number | null {
  return current === null || target === null ? null : target - current;
}

/** The heat-map band of a gap: met (≤ 0), 1, 2, 3 or more, or unknown (no target or no current maturity). */
export type GapBand = 'met' | 'one' | 'two' | 'three_plus' | 'unknown';
export const GAP_BANDS: readonly GapBand[] = ['met', 'one', 'two', 'three_plus', 'unknown'];

export function gapBand(gap: number | null): GapBand {
  if (gap === null) return 'unknown';
  if (gap <= 0) return 'met';
  if (gap === 1) return 'one';
  if (gap === 2) return 'two';
  return 'three_plus';
}

/** What a roll-up needs of a capability. */
export interface CapabilityNode {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
  currentMaturity: number | null;
  targetMaturity: number | null;
}

export interface CapabilityRollup {
  /** Mean of the children's (rolled-up) current maturity; null when none is known. */
  currentMaturity: number | null;
  /** Mean of the children's (rolled-up) target maturity; null when none is known. */
  targetMaturity: number | null;
  /** Largest of the children's (rolled-up) gaps; null when none is known. */
  gap: number | null;
  /** Number of direct children. */
  childCount: number;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const max = (xs: number[]) => (xs.length === 0 ? null : Math.max(...xs));
const known = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

/** The figures a node contributes to its parent: its roll-up when it has children, else its own. */
interface Contribution {
  current: number | null;
  target: number | null;
  gap: number | null;
}

/**
 * The roll-up of every node that has children (nodes without children are absent from the map).
 * A node whose parent is not among `nodes` counts as a root. Cycles cannot be stored (the API
 * refuses them); should one appear anyway, its nodes are skipped rather than looping.
 */
export function rollUpCapabilities(nodes: readonly CapabilityNode[]): Map<string, CapabilityRollup> {
  const children = childrenOf(nodes);
  const out = new Map<string, CapabilityRollup>();
  const done = new Map<string, Contribution>();
  const visiting = new Set<string>();
  const visit = (n: CapabilityNode): Contribution => {
    const cached = done.get(n.id);
    if (cached) return cached;
    const own = { current: n.currentMaturity, target: n.targetMaturity, gap: capabilityGap(n.currentMaturity, n.targetMaturity) };
    if (visiting.has(n.id)) return own;
    visiting.add(n.id);
    const kids = (children.get(n.id) ?? []).filter((k) => !visiting.has(k.id));
    let result = own;
    if (kids.length > 0) {
      const parts = kids.map(visit);
      const rollup: CapabilityRollup = {
        currentMaturity: mean(known(parts.map((p) => p.current))),
        targetMaturity: mean(known(parts.map((p) => p.target))),
        gap: max(known(parts.map((p) => p.gap))),
        childCount: kids.length,
      };
      out.set(n.id, rollup);
      result = { current: rollup.currentMaturity, target: rollup.targetMaturity, gap: rollup.gap };
    }
    visiting.delete(n.id);
    done.set(n.id, result);
    return result;
  };
  for (const n of nodes) visit(n);
  return out;
}

/** Siblings in order: by position, then by name. */
function bySiblingOrder(a: CapabilityNode, b: CapabilityNode) {
  return a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function childrenOf<N extends CapabilityNode>(nodes: readonly N[]): Map<string | null, N[]> {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, N[]>();
  for (const n of nodes) {
    const parent = n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  for (const list of children.values()) list.sort(bySiblingOrder);
  return children;
}

/**
 * The tree as a flat list in display order (depth first, siblings by position then name), with
 * each node's depth (0 for a root). A node whose parent is not among `nodes` is a root.
 */
export function orderCapabilityTree<N extends CapabilityNode>(nodes: readonly N[]): (N & { depth: number })[] {
  const children = childrenOf(nodes);
  const out: (N & { depth: number })[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push({ ...n, depth });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Whether making `parentId` the parent of `id` would put `id` under itself: true when
 * `parentId` is `id` or one of its descendants. `parentOf` gives each known node's parent.
 */
export function wouldCreateCycle(parentOf: ReadonlyMap<string, string | null>, id: string, parentId: string | null): boolean {
  const seen = new Set<string>();
  for (let at = parentId; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

// --- The API contract ---

/** A goal or initiative linked to a capability, with the link's id (to remove it). */
export const CapabilityLinkedItem = z.object({ linkId: Id, id: Id, title: z.string() });
export type TCapabilityLinkedItem = z.infer<typeof CapabilityLinkedItem>;

export const CapabilityRollupSchema = z.object({
  currentMaturity: z.number().nullable(),
  targetMaturity: z.number().nullable(),
  gap: z.number().nullable(),
  childCount: z.number().int(),
});

export const Capability = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  description: z.string(),
  ownerUserId: Id.nullable(),
  currentMaturity: z.number().int().nullable(),
  targetMaturity: z.number().int().nullable(),
  /** targetMaturity − currentMaturity; null when either is unknown. */
  gap: z.number().int().nullable(),
  position: z.number().int(),
  /** 0 for a top-level capability. */
  depth: z.number().int(),
  /** Over the live sub-capabilities (max gap, mean maturities); null for a capability without any. */
  rollup: CapabilityRollupSchema.nullable(),
  goals: z.array(CapabilityLinkedItem),
  initiatives: z.array(CapabilityLinkedItem),
  linkCount: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type TCapability = z.infer<typeof Capability>;

const capabilityFields = {
  parentId: Id.nullable(),
  name: Title,
  description: LongText,
  ownerUserId: Id.nullable(),
  currentMaturity: Maturity.nullable(),
  targetMaturity: Maturity.nullable(),
  position: Position,
};
export const CreateCapability = z.object({
  ...capabilityFields,
  parentId: Id.nullable().default(null),
  description: LongText.default(''),
  ownerUserId: Id.nullable().default(null),
  currentMaturity: Maturity.nullable().default(null),
  targetMaturity: Maturity.nullable().default(null),
  /** Left out: after the last sibling. */
  position: Position.optional(),
});
export type TCreateCapability = z.infer<typeof CreateCapability>;
export const UpdateCapability = z.object(capabilityFields).partial();
export type TUpdateCapability = z.infer<typeof UpdateCapability>;

export const CapabilityListQuery = z.object({ includeArchived: IncludeArchived });

/** Links a capability to a goal it serves or an initiative that builds it: exactly one of the two. */
export const CreateCapabilityLink = z
  .object({ goalId: Id.optional(), initiativeId: Id.optional() })
  .superRefine((v, ctx) => {
    if (v.goalId && v.initiativeId) ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: 'give a goalId or an initiativeId, not both' });
    if (!v.goalId && !v.initiativeId) ctx.addIssue({ code: 'custom', path: ['goalId'], message: 'give a goalId or an initiativeId' });
  });
export type TCreateCapabilityLink = z.infer<typeof CreateCapabilityLink>;

export const CapabilityLink = z.object({
  id: Id,
  capabilityId: Id,
  capabilityName: z.string(),
  goalId: Id.nullable(),
  initiativeId: Id.nullable(),
  /** The goal's or initiative's title. */
  title: z.string(),
  createdAt: IsoDateTime,
});
export type TCapabilityLink = z.infer<typeof CapabilityLink>;
