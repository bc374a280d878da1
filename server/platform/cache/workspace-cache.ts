import { onAudit } from '../audit/record';
import type { EventHub } from '../events/hub';

/**
 * Figures derived from a whole workspace (the alignment summary, the graph, a roadmap window),
 * kept in this process until the workspace changes. Reading them costs tens of thousands of rows
 * on a large workspace; they change far less often than they are read.
 *
 * When an entry is dropped:
 * - any audited change in the workspace, made by this process: inside the change's transaction,
 *   and again when the change request answers (so its author's next read computes afresh);
 * - any change another process makes: when its live event arrives (LISTEN/NOTIFY, after commit);
 * - when the event connection was lost (events may have been missed): everything;
 * - after `ttlMs` in any case, as a bound on staleness for writes that bypass the app.
 * A value computed while the workspace changed is handed out but not kept, and concurrent
 * misses of one key share one computation.
 *
 * Hand-written (about 60 lines) rather than an LRU library: what matters here is the
 * per-workspace generation check, which a generic cache does not give.
 */
export class WorkspaceCache<T> {
  private readonly entries = new Map<string, { workspaceId: string; generation: string; at: number; value: T }>();
  private readonly pending = new Map<string, { generation: string; promise: Promise<T> }>();
  private readonly generations = new Map<string, number>();
  /** Raised by clear(): every workspace's generation changes with it. */
  private epoch = 0;

  constructor(private readonly maxEntries = 200, private readonly ttlMs = 60_000) {
    caches.add(this);
  }

  private generation(workspaceId: string): string {
    return `${this.epoch}.${this.generations.get(workspaceId) ?? 0}`;
  }

  /** The value for `key` in the workspace: kept, or computed by `load` now. */
  async get(workspaceId: string, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${workspaceId} ${key}`;
    const generation = this.generation(workspaceId);
    const hit = this.entries.get(id);
    if (hit && hit.generation === generation && Date.now() - hit.at < this.ttlMs) {
      // Most recently used last: eviction takes the first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value;
    }
    const running = this.pending.get(id);
    if (running && running.generation === generation) return running.promise;
    const promise = load();
    this.pending.set(id, { generation, promise });
    try {
      const value = await promise;
      if (this.generation(workspaceId) === generation) {
        this.entries.delete(id);
        this.entries.set(id, { workspaceId, generation, at: Date.now(), value });
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
      return value;
    } finally {
      if (this.pending.get(id)?.promise === promise) this.pending.delete(id);
    }
  }

  /** Drops what is kept for the workspace. */
  invalidate(workspaceId: string): void {
    this.generations.set(workspaceId, (this.generations.get(workspaceId) ?? 0) + 1);
    for (const [id, e] of this.entries) if (e.workspaceId === workspaceId) this.entries.delete(id);
  }

  /** Drops everything. */
  clear(): void {
    this.epoch++;
    this.generations.clear();
    this.entries.clear();
  }

  /** Follows another process's changes through the app's event hub; returns a stop function. */
  follow(events: EventHub): () => void {
    const offEvent = events.onEvent((e) => this.invalidate(e.workspaceId));
    const offReconnect = events.onReconnect(() => this.clear());
    return () => {
      offEvent();
      offReconnect();
      caches.delete(this);
    };
  }
}

const caches = new Set<WorkspaceCache<unknown>>();

/** A cache for one route module of the app: it follows the app's live events until the app closes. */
export function appWorkspaceCache<T>(app: { addHook(name: 'onClose', hook: () => Promise<void>): unknown }, events: EventHub): WorkspaceCache<T> {
  const cache = new WorkspaceCache<T>();
  const stop = cache.follow(events);
  app.addHook('onClose', async () => stop());
  return cache;
}

/** Drops what every cache keeps of the workspace. */
export function invalidateWorkspaceCaches(workspaceId: string): void {
  for (const c of caches) c.invalidate(workspaceId);
}

// Every audited change of a workspace, in its transaction, drops what every cache keeps of it;
// app.ts does it again once a change request has committed, before its answer goes out (a value
// computed by another request between the two would otherwise be kept until the live event).
onAudit('workspace-caches', async (_tx, change) => {
  if (change.workspaceId) invalidateWorkspaceCaches(change.workspaceId);
});
