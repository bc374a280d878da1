import { z } from 'zod';
import { Id, IsoDateTime, ListQuery } from '../common';
import { PersonRef } from './comments';

export const ActivityQuery = ListQuery.extend({
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: Id.optional(),
  actorUserId: Id.optional(),
});

/** One line of a workspace's or an entity's activity feed (from the audit log, without its private parts). */
export const ActivityItem = z.object({
  id: z.string(),
  at: IsoDateTime,
  actor: PersonRef.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The title of what changed (for a comment: of the commented entity), when known. */
  entityTitle: z.string().nullable(),
  /** App path below /w/<workspace> to open it, when it has a page. */
  link: z.string().nullable(),
  summary: z.string(),
  /** For updates: the names of the fields that changed. */
  changedFields: z.array(z.string()),
});
export type TActivityItem = z.infer<typeof ActivityItem>;

// Shared by the activity feed, watcher notifications and webhook events, so they agree on
// what changed, what a thing is called and how an action reads.

/** Fields that change with every edit or say nothing to a reader. */
const NOISE = new Set(['id', 'workspaceId', 'createdAt', 'updatedAt', 'bodyHtml', 'mentionedUserIds', 'version']);
const SECRET = /password|hash|secret|token/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as JSON would carry it: dates become ISO strings, a missing value is null. */
function plain(v: unknown): unknown {
  const text = JSON.stringify(v);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order (jsonb reorders keys). */
function canonical(v: unknown): string {
  return JSON.stringify(plain(v), (_k, val: unknown) =>
    isRecord(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val);
}

/** What changed between two snapshots, field by field. */
export type SnapshotDiff = Record<string, { before: unknown; after: unknown }>;

/**
 * `{field: {before, after}}` for the top-level fields whose values differ between two audit
 * snapshots, in the order they appear (before's fields first). A missing field counts as null;
 * bookkeeping fields (ids, timestamps, rendered HTML) and secret-looking ones are left out.
 * Empty unless both are objects (a create or delete has nothing to compare).
 */
export function snapshotDiff(before: unknown, after: unknown): SnapshotDiff {
  const out: SnapshotDiff = {};
  if (!isRecord(before) || !isRecord(after)) return out;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (NOISE.has(key) || SECRET.test(key)) continue;
    if (canonical(before[key]) !== canonical(after[key])) out[key] = { before: plain(before[key]), after: plain(after[key]) };
  }
  return out;
}

/** Names of the fields `snapshotDiff` finds changed. */
export function changedFields(before: unknown, after: unknown): string[] {
  return Object.keys(snapshotDiff(before, after));
}

/** The title of the first snapshot that has one: its `title`, else its `name` (non-empty strings only). */
export function snapshotTitle(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (!isRecord(s)) continue;
    for (const key of ['title', 'name']) {
      const v = s[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
  }
  return null;
}

const PAST: Record<string, string> = {
  create: 'created', update: 'updated', archive: 'archived', restore: 'restored', delete: 'deleted', remove: 'removed',
  add: 'added', invite: 'invited', revoke: 'revoked', accept: 'accepted', complete: 'completed', reopen: 'reopened',
  assign: 'assigned', approve: 'approved', reject: 'rejected', submit: 'submitted', close: 'closed', publish: 'published',
  import: 'imported', export: 'exported', purge: 'purged', leave: 'left',
};

/** The past tense of an action's verb: "updated" for `goal.update`; an unknown verb reads as "changed". */
export function actionVerb(action: string): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return Object.hasOwn(PAST, verb) ? PAST[verb]! : 'changed';
}

export interface SummaryInput {
  actorName: string | null;
  action: string;
  /** A readable kind, e.g. "goal", "business unit". */
  label: string;
  title: string | null;
  /** For comments: the commented entity's label and title. */
  parent?: { label: string; title: string | null } | null;
}

const named = (label: string, title: string | null) => (title ? `${label} “${title}”` : `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`);

/** The sentence an activity line shows, e.g. `Ada Lovelace updated goal “Cut lead time”`. */
export function activitySummary(s: SummaryInput): string {
  const who = s.actorName ?? 'Someone';
  if (s.action.startsWith('comment.')) {
    const on = s.parent ? ` on ${named(s.parent.label, s.parent.title)}` : '';
    if (s.action === 'comment.create') return `${who} commented${on}`;
    if (s.action === 'comment.update') return `${who} edited a comment${on}`;
    if (s.action === 'comment.delete') return `${who} deleted a comment${on}`;
  }
  if (s.action === 'member.leave') return `${who} left the workspace`;
  if (s.action === 'member.add') return `${who} added ${s.title ?? 'a member'} to the workspace`;
  return `${who} ${actionVerb(s.action)} ${named(s.label, s.title)}`;
}
