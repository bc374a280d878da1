import { z } from 'zod';
import { Id, IsoDateTime } from '../common';
import { addDays } from './roadmap';

/**
 * Dependencies between initiatives, finish-to-start: "A depends on B" means A starts only after
 * B has ended. An initiative's endDate is inclusive (it runs to the end of that day, as the
 * roadmap draws it), so A's start must be at least the day after B's endDate. Pure rules here
 * (cycles, dates); the server loads and locks, the web shows.
 */

export const CreateDependency = z.object({
  dependsOnId: Id,
  note: z.string().trim().max(300).default(''),
});
export type TCreateDependency = z.infer<typeof CreateDependency>;

/** One dependency as stored: `initiativeId` depends on `dependsOnId`. */
export const InitiativeDependency = z.object({
  id: Id,
  initiativeId: Id,
  dependsOnId: Id,
  note: z.string(),
  createdAt: IsoDateTime,
});
export type TInitiativeDependency = z.infer<typeof InitiativeDependency>;

/** An edge "from depends on to". */
export interface DependencyEdge {
  initiativeId: string;
  dependsOnId: string;
}

/**
 * The cycle that adding "initiativeId depends on dependsOnId" would close, as the ids along
 * it from initiativeId back to itself ([A, B, C, A] for A → B → C → A), or null when there
 * is none. A cycle exists when dependsOnId already depends, directly or not, on initiativeId;
 * the path returned is a shortest one (breadth first), so the message stays short.
 */
export function findCycle(edges: readonly DependencyEdge[], initiativeId: string, dependsOnId: string): string[] | null {
  if (initiativeId === dependsOnId) return [initiativeId, initiativeId];
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.initiativeId);
    if (list) list.push(e.dependsOnId);
    else next.set(e.initiativeId, [e.dependsOnId]);
  }
  const cameFrom = new Map<string, string | null>([[dependsOnId, null]]);
  const queue = [dependsOnId];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at === initiativeId) {
      const path: string[] = [];
      for (let n: string | null = at; n !== null; n = cameFrom.get(n) ?? null) path.unshift(n);
      return [initiativeId, ...path];
    }
    for (const n of next.get(at) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, at);
        queue.push(n);
      }
    }
  }
  return null;
}

/** "'A' → 'B' → 'A' would be a cycle" for a path of ids, with titles. */
export function describeCycle(path: readonly string[], titleOf: (id: string) => string): string {
  return `${path.map((id) => `'${titleOf(id)}'`).join(' → ')} would be a cycle`;
}

/** An initiative's dates and title, as the date rule reads them. */
export interface DatedInitiative {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
}

/**
 * Whether a dependent starting on `dependentStart` breaks finish-to-start with a prerequisite
 * ending on `prerequisiteEnd` (inclusive): it must start on the day after at the earliest.
 * Holds trivially when either date is open. The one test of the rule (the roadmap's arrows too).
 */
export function startsTooEarly(dependentStart: string | null, prerequisiteEnd: string | null): boolean {
  return dependentStart !== null && prerequisiteEnd !== null && dependentStart <= prerequisiteEnd;
}

/** The first day a dependent may start on after a prerequisite ending on `prerequisiteEnd`. */
export const earliestStartAfter = (prerequisiteEnd: string) => addDays(prerequisiteEnd, 1);

/** A broken finish-to-start rule: which neighbour, which date of ours moves, and why. */
export interface DateConflict {
  /** The other initiative. */
  id: string;
  title: string;
  /** 'startDate' when we would start before a prerequisite has ended, 'endDate' when we would still run when a dependent starts. */
  field: 'startDate' | 'endDate';
  message: string;
}

/**
 * Where dates `span` break finish-to-start against the initiative's prerequisites (it must
 * start after each one's last day) and dependents (its last day must be before each one's
 * start). A rule holds trivially when either date it compares is open.
 */
export function dateConflicts(
  span: { startDate: string | null; endDate: string | null },
  prerequisites: readonly DatedInitiative[],
  dependents: readonly DatedInitiative[],
): DateConflict[] {
  const out: DateConflict[] = [];
  for (const p of prerequisites) {
    if (startsTooEarly(span.startDate, p.endDate)) {
      out.push({
        id: p.id, title: p.title, field: 'startDate',
        message: `must start on or after ${earliestStartAfter(p.endDate!)}, the day after '${p.title}' ends`,
      });
    }
  }
  for (const d of dependents) {
    if (startsTooEarly(d.startDate, span.endDate)) {
      out.push({
        id: d.id, title: d.title, field: 'endDate',
        message: `must end on or before ${addDays(d.startDate!, -1)}, the day before '${d.title}' starts`,
      });
    }
  }
  return out;
}

/**
 * Why "dependent depends on prerequisite" cannot be added with their present dates, or null:
 * the dependent must start after the prerequisite's last day.
 */
export function dependencyDateProblem(dependent: DatedInitiative, prerequisite: DatedInitiative): string | null {
  if (startsTooEarly(dependent.startDate, prerequisite.endDate)) {
    return `'${dependent.title}' starts on ${dependent.startDate}, but '${prerequisite.title}' runs until ${prerequisite.endDate}: `
      + `an initiative must start after the last day of one it depends on (on or after ${earliestStartAfter(prerequisite.endDate!)}). `
      + 'Move the dates first.';
  }
  return null;
}
