import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { EVENTS_CHANNEL, type LiveEvent } from './publish';

/** What an open page receives: the event without its recipient list. */
export type ClientEvent = Omit<LiveEvent, 'userIds' | 'workspaceId'>;

interface Subscriber {
  workspaceId: string;
  userId: string;
  send(e: ClientEvent): void;
  close(): void;
}

const RECONNECT_MS = [250, 1_000, 3_000, 10_000];

/**
 * The process's end of the live-event channel: one dedicated connection LISTENs on
 * `tandem_events`, and each event goes to the open streams of its workspace (or only to its
 * listed users). Events published by any process on the same PostgreSQL arrive here, so
 * several app processes behind a load balancer stay in step. If the connection drops, it
 * reconnects and tells every stream to `resync` (refetch), since events may have been missed.
 */
export class EventHub {
  private client: pg.Client | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private readonly processListeners = new Set<(e: LiveEvent) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private stopped = false;
  private failures = 0;

  constructor(private readonly url: string, private log?: FastifyBaseLogger) {}

  /** Where reconnect warnings go (the app's logger, once there is one). */
  setLogger(log: FastifyBaseLogger): void {
    this.log ??= log;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'tandem-events' });
    client.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && msg.payload) this.dispatch(msg.payload);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      this.reconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
      throw e;
    }
    this.client = client;
    this.failures = 0;
  }

  private reconnect(): void {
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
    this.log?.warn({ delay }, 'live events: connection lost, reconnecting');
    setTimeout(() => {
      if (this.stopped) return;
      this.connect().then(
        () => {
          for (const l of this.reconnectListeners) l();
          for (const s of this.subscribers) s.send({ kind: 'resync' });
        },
        () => this.reconnect(),
      );
    }, delay).unref();
  }

  private dispatch(payload: string): void {
    let e: LiveEvent;
    try {
      e = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    for (const l of this.processListeners) l(e);
    // Someone who leaves or is removed stops hearing the workspace at once.
    if (e.kind === 'change' && (e.action === 'member.remove' || e.action === 'member.leave')) {
      for (const s of this.subscribers) if (s.workspaceId === e.workspaceId && s.userId === e.entityId) s.close();
    }
    const only = e.userIds ? new Set(e.userIds) : null;
    const { userIds: _users, workspaceId: _ws, ...out } = e;
    for (const s of this.subscribers) {
      if (s.workspaceId === e.workspaceId && (!only || only.has(s.userId))) s.send(out);
    }
  }

  /** Receives every event this process hears (e.g. to start delivery jobs); returns an unsubscribe. */
  onEvent(listener: (e: LiveEvent) => void): () => void {
    this.processListeners.add(listener);
    return () => this.processListeners.delete(listener);
  }

  /** Called after the connection was lost and is back: events may have been missed. Returns an unsubscribe. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** An open stream of one user in one workspace; returns an unsubscribe. */
  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  get streams(): number {
    return this.subscribers.size;
  }

  /** Closes every open stream and the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of this.subscribers) s.close();
    this.subscribers.clear();
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => {});
  }
}
