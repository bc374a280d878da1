import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { addDays, DUE_SOON_DAYS, OPEN_ACTION_STATUSES, utcDate } from '../../../domain/collaboration/actions';
import type { Db } from '../../platform/db/client';
import { workspaces } from '../../platform/tables';
import { notify } from '../notify';
import { actionItems } from '../tables';

/** Items claimed per transaction, so a large backlog is sent in steps without one long transaction. */
const BATCH = 200;

type Kind = 'due_soon' | 'overdue';

function dueText(dueDate: string, today: string): string {
  if (dueDate === today) return 'is due today';
  if (dueDate === addDays(today, 1)) return 'is due tomorrow';
  if (dueDate < today) return `is overdue (due ${dueDate})`;
  return `is due on ${dueDate}`;
}

/**
 * Claims up to BATCH unreminded items of `kind` and notifies their owners, in one transaction:
 * the conditional UPDATE … RETURNING is the claim. A second process running at the same time
 * skips rows the first has locked (SKIP LOCKED) and, for rows it gets after the first commits,
 * PostgreSQL re-checks the WHERE against the new row, where `reminded_*_for` now equals the due
 * date, so each reminder goes out once per item and due date.
 */
async function remindBatch(db: Db, kind: Kind, today: string): Promise<number> {
  const mark = kind === 'due_soon' ? actionItems.remindedSoonFor : actionItems.remindedOverdueFor;
  const window: SQL[] = kind === 'due_soon'
    ? [gte(actionItems.dueDate, today), lte(actionItems.dueDate, addDays(today, DUE_SOON_DAYS))]
    : [lt(actionItems.dueDate, today)];
  const due = and(
    inArray(actionItems.status, [...OPEN_ACTION_STATUSES]),
    isNull(actionItems.archivedAt),
    isNotNull(actionItems.ownerUserId),
    ...window,
    sql`${mark} is distinct from ${actionItems.dueDate}`,
  );
  return db.transaction(async (tx) => {
    const candidates = tx.select({ id: actionItems.id }).from(actionItems)
      .innerJoin(workspaces, and(eq(workspaces.id, actionItems.workspaceId), isNull(workspaces.archivedAt)))
      .where(due).limit(BATCH).for('update', { of: actionItems, skipLocked: true });
    const claimed = await tx.update(actionItems)
      .set(kind === 'due_soon' ? { remindedSoonFor: sql`${actionItems.dueDate}` } : { remindedOverdueFor: sql`${actionItems.dueDate}` })
      .where(and(inArray(actionItems.id, candidates), due))
      .returning({ id: actionItems.id, workspaceId: actionItems.workspaceId, title: actionItems.title, ownerUserId: actionItems.ownerUserId, dueDate: actionItems.dueDate });
    for (const item of claimed) {
      await notify(tx, {
        workspaceId: item.workspaceId, kind: kind === 'due_soon' ? 'action.due_soon' : 'action.overdue', recipients: [item.ownerUserId!],
        entity: { type: 'action_item', id: item.id }, title: `“${item.title}” ${dueText(item.dueDate!, today)}`,
      });
    }
    return claimed.length;
  });
}

/**
 * Sends due-soon and overdue reminders for open and in-progress, non-archived items with an
 * owner: due soon when the due date is today to today + 2, overdue when it is before today.
 * "Today" is the server's UTC date on `now` (one date for every process; a person far from UTC
 * may hear of an item up to a day earlier or later than their own calendar says). Each
 * reminder goes out once per item and due date, however many processes run this at once;
 * moving the due date makes new reminders possible. Run it a few times an hour.
 */
export async function runActionReminders(db: Db, now = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const today = utcDate(now);
  const counts = { dueSoon: 0, overdue: 0 };
  for (const kind of ['due_soon', 'overdue'] as const) {
    for (;;) {
      const n = await remindBatch(db, kind, today);
      if (kind === 'due_soon') counts.dueSoon += n;
      else counts.overdue += n;
      if (n < BATCH) break;
    }
  }
  return counts;
}
