import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

/** The channel every process LISTENs on. */
export const EVENTS_CHANNEL = 'tandem_events';

/**
 * A live event: tells connected pages that something changed, so they refetch. It carries ids,
 * never content: each page reloads what its reader may see through the API.
 */
export interface LiveEvent {
  workspaceId: string;
  /** 'change' (an audited mutation), 'notification' (the listed users got one), or an area's own. */
  kind: string;
  /** For 'change': the audit action, e.g. goal.update. */
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string | null;
  /** Only these users receive it (e.g. new notifications); everyone in the workspace when absent. */
  userIds?: string[];
}

// NOTIFY payloads are limited to 8,000 bytes: user lists go out in chunks of this many ids.
const USERS_PER_MESSAGE = 150;

/**
 * Publishes an event to every process. Call it inside the transaction of the change:
 * PostgreSQL delivers a NOTIFY only when (and if) the transaction commits.
 */
export async function publish(db: Queryable, e: LiveEvent): Promise<void> {
  if (e.userIds && e.userIds.length > USERS_PER_MESSAGE) {
    for (let i = 0; i < e.userIds.length; i += USERS_PER_MESSAGE) {
      await publish(db, { ...e, userIds: e.userIds.slice(i, i + USERS_PER_MESSAGE) });
    }
    return;
  }
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(e)})`);
}
