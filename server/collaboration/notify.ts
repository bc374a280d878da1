import { and, eq, inArray } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/collaboration/kinds';
import type { Queryable } from '../platform/db/client';
import { publish } from '../platform/events/publish';
import { memberships } from '../platform/tables';
import { entityKind } from './entities';
import { notificationPreferences, notifications } from './tables';

export interface NotifyInput {
  workspaceId: string;
  kind: NotificationKind;
  /** Who should hear of it; the actor and anyone not (or no longer) a member are left out. */
  recipients: readonly string[];
  actorUserId?: string | null;
  /** What it is about: opens that entity's page (unless `link` says otherwise). */
  entity?: { type: string; id: string };
  title: string;
  body?: string;
  /** App path below /w/<workspace>; defaults to the entity's page. */
  link?: string;
}

// A multi-row INSERT binds every value: keep each well under PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT = 2_000;

/**
 * Notifies people, in the caller's transaction, as each of them chose for this kind: a row in
 * their notification centre (live to their open pages), an e-mail now, or a line in their daily
 * digest. The e-mail and digest workers send from these rows after commit, so a notification
 * is never lost between the change and the mail. Returns the users notified.
 */
export async function notify(tx: Queryable, n: NotifyInput): Promise<string[]> {
  const wanted = [...new Set(n.recipients)].filter((u) => u !== n.actorUserId);
  if (wanted.length === 0) return [];
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, n.workspaceId), inArray(memberships.userId, wanted)));
  if (members.length === 0) return [];
  const chosen = await tx
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, n.kind), inArray(notificationPreferences.userId, members.map((m) => m.userId))));
  const byUser = new Map(chosen.map((p) => [p.userId, p]));
  const defaults = NOTIFICATION_KINDS[n.kind];
  const link = n.link ?? (n.entity ? (entityKind(n.entity.type)?.path(n.entity.id) ?? '') : '');
  const rows = members
    .map(({ userId }) => {
      const pref = byUser.get(userId);
      const mode = pref?.email ?? defaults.email;
      return {
        workspaceId: n.workspaceId, userId, kind: n.kind, actorUserId: n.actorUserId ?? null,
        entityType: n.entity?.type ?? null, entityId: n.entity?.id ?? null, title: n.title, body: n.body ?? '', link,
        inApp: pref?.inApp ?? defaults.inApp, email: mode === 'off' ? ('none' as const) : mode,
      };
    })
    .filter((r) => r.inApp || r.email !== 'none');
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.insert(notifications).values(rows.slice(i, i + ROWS_PER_INSERT));
  const inApp = rows.filter((r) => r.inApp).map((r) => r.userId);
  if (inApp.length > 0) await publish(tx, { workspaceId: n.workspaceId, kind: 'notification', userIds: inApp });
  if (rows.some((r) => r.email === 'immediate')) await publish(tx, { workspaceId: n.workspaceId, kind: 'email.queued' });
  return rows.map((r) => r.userId);
}
