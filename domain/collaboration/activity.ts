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

/** Fields that change with every edit or say nothing to a reader. */
const NOISE = new Set(['id', 'workspaceId', 'createdAt', 'updatedAt', 'bodyHtml', 'mentionedUserIds', 'version']);
const SECRET = /password|hash|secret|token/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names of the top-level fields whose values differ between two snapshots, in the order they appear. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !NOISE.has(k) && !SECRET.test(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

const PAST: Record<string, string> = {
  create: 'created', update: 'updated', archive: 'archived', restore: 'restored', delete: 'deleted', remove: 'removed',
  add: 'added', invite: 'invited', revoke: 'revoked', accept: 'accepted', complete: 'completed', reopen: 'reopened',
  assign: 'assigned', approve: 'approved', reject: 'rejected', submit: 'submitted', close: 'closed', publish: 'published',
};

/** "updated" for `goal.update`; an unknown verb reads as "changed". */
export function actionVerb(action: string): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return PAST[verb] ?? 'changed';
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
