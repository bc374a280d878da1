// Plain data, no zod: the web app's preferences page and the server share this table.

/** How a notification kind reaches a person by e-mail. */
export type EmailMode = 'off' | 'immediate' | 'digest';

export interface NotificationKindInfo {
  /** What the person receives it for, as shown on the preferences page. */
  label: string;
  /** Defaults until the person chooses. */
  inApp: boolean;
  email: EmailMode;
}

/**
 * Every kind of notification. An area that notifies adds its kinds here (with defaults a
 * reasonable person would pick), and calls notify() with one of them.
 */
export const NOTIFICATION_KINDS = {
  'comment.mention': { label: 'Someone mentions me in a comment', inApp: true, email: 'immediate' },
  'watch.comment': { label: 'A new comment on something I watch', inApp: true, email: 'digest' },
  'watch.change': { label: 'A change to something I watch', inApp: true, email: 'digest' },
  'action.assigned': { label: 'An action item is assigned to me', inApp: true, email: 'immediate' },
  'action.due_soon': { label: 'An action item of mine is due soon', inApp: true, email: 'immediate' },
  'action.overdue': { label: 'An action item of mine is overdue', inApp: true, email: 'immediate' },
} as const satisfies Record<string, NotificationKindInfo>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
