import { eq, sql } from 'drizzle-orm';
import { DEFAULT_DIGEST } from '../../../domain/collaboration/email';
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS } from '../../../domain/collaboration/kinds';
import type { TNotificationPreferences, TUpdateNotificationPreferences } from '../../../domain/collaboration/preferences';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { digestSettings, notificationPreferences } from '../tables';

/** A person's choice for every notification kind (the kind's default where they made none) and their digest time. */
export async function getPreferences(db: Queryable, userId: string): Promise<TNotificationPreferences> {
  const chosen = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const byKind = new Map(chosen.map((p) => [p.kind, p]));
  const [digest] = await db.select().from(digestSettings).where(eq(digestSettings.userId, userId));
  return {
    kinds: NOTIFICATION_KIND_NAMES.map((kind) => {
      const d = NOTIFICATION_KINDS[kind];
      const p = byKind.get(kind);
      return { kind, label: d.label, inApp: p?.inApp ?? d.inApp, email: p?.email ?? d.email, default: { inApp: d.inApp, email: d.email } };
    }),
    digest: { hour: digest?.hour ?? DEFAULT_DIGEST.hour, timeZone: digest?.timeZone ?? DEFAULT_DIGEST.timeZone },
  };
}

/** Changes the kinds listed (the others keep their setting) and the digest time if given; audited. */
export async function updatePreferences(
  tx: Queryable, audit: AuditContext, userId: string, input: TUpdateNotificationPreferences,
): Promise<TNotificationPreferences> {
  // Serialises concurrent changes of one person's preferences, so the audit's before is true.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('notification_preferences'), hashtext(${userId}))`);
  const before = await getPreferences(tx, userId);
  const kinds = input.kinds ?? [];
  if (kinds.length > 0) {
    await tx
      .insert(notificationPreferences)
      .values(kinds.map((k) => ({ userId, kind: k.kind, inApp: k.inApp, email: k.email })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: sql`now()` },
      });
  }
  const digest = input.digest;
  if (digest && (digest.hour !== undefined || digest.timeZone !== undefined)) {
    const hour = digest.hour ?? before.digest.hour;
    const timeZone = digest.timeZone ?? before.digest.timeZone;
    await tx
      .insert(digestSettings)
      .values({ userId, hour, timeZone })
      .onConflictDoUpdate({ target: digestSettings.userId, set: { hour, timeZone, updatedAt: sql`now()` } });
  }
  const after = await getPreferences(tx, userId);
  await recordAudit(tx, audit, {
    workspaceId: null, action: 'notification_preferences.update', entityType: 'user', entityId: userId,
    before: snapshot(before), after: snapshot(after),
  });
  return after;
}

/** The audit's view: choices only, keyed by kind (labels and defaults are no one's change). */
function snapshot(p: TNotificationPreferences) {
  return { kinds: Object.fromEntries(p.kinds.map((k) => [k.kind, { inApp: k.inApp, email: k.email }])), digest: p.digest };
}
