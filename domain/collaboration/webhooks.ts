import { z } from 'zod';
import { Id, IsoDateTime, ListQuery } from '../common';

/** How a webhook's body is shaped: Tandem's own JSON, a Slack message, or a Teams Adaptive Card. */
export const WebhookFormat = z.enum(['json', 'slack', 'teams']);
export type TWebhookFormat = z.infer<typeof WebhookFormat>;

/** A delivery is tried this many times at most before it is marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 3600_000;

/**
 * How long to wait after failed attempt number `attempt` (1-based): 30 s × 2^(attempt−1),
 * capped at 6 h, plus up to 10 % jitter so many failing deliveries do not retry in lockstep.
 * `random` is in [0, 1) (Math.random by default).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
  return Math.round(base * (1 + 0.1 * random()));
}

/** An audit action (goal.update), a prefix of them (goal.*), or everything (*). */
export const WebhookEventPattern = z
  .string()
  .trim()
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/, 'must be an action like goal.update, a prefix like goal.*, or *');

/** True when a webhook listening to `events` (empty = all) wants `kind`. */
export function eventMatches(events: readonly string[], kind: string): boolean {
  if (events.length === 0) return true;
  return events.some((e) => e === '*' || e === kind || (e.endsWith('.*') && kind.startsWith(e.slice(0, -1))));
}

/** Events offered in the editor; any other action or prefix can be typed. */
export const COMMON_WEBHOOK_EVENTS = [
  'goal.*', 'goal.create', 'goal.update', 'goal.archive', 'initiative.*', 'initiative.create', 'initiative.update',
  'goal_link.*', 'key_result.*', 'key_result.check_in', 'milestone.*', 'initiative_dependency.*', 'theme.*', 'vision.update',
  'capability.*', 'team.*', 'business_unit.*', 'comment.*', 'action_item.*', 'member.*', 'workspace.update',
] as const;

/** Why a URL cannot be a webhook target, or null when its form is fine (addresses are checked by the server). */
export function webhookUrlProblem(value: string): string | null {
  if (value.length > 2000) return 'must be at most 2,000 characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname) return 'must name a host';
  return null;
}

export const WebhookUrl = z.string().trim().superRefine((v, ctx) => {
  const problem = webhookUrlProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const WebhookFields = {
  name: z.string().trim().min(1, 'must not be empty').max(120),
  url: WebhookUrl,
  format: WebhookFormat,
  events: z.array(WebhookEventPattern).max(100).transform((e) => [...new Set(e)]),
  active: z.boolean(),
  /**
   * Lets this webhook reach private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7),
   * for an intranet receiver. Loopback, link-local (cloud metadata) and other special addresses
   * stay refused unless the instance operator allows them (WEBHOOK_ALLOW_LOOPBACK).
   */
  allowPrivate: z.boolean(),
};

export const CreateWebhook = z.object({
  ...WebhookFields,
  format: WebhookFields.format.default('json'),
  events: WebhookFields.events.default([]),
  active: WebhookFields.active.default(true),
  allowPrivate: WebhookFields.allowPrivate.default(false),
});
export type TCreateWebhook = z.infer<typeof CreateWebhook>;
export const UpdateWebhook = z.object(WebhookFields).partial();
export type TUpdateWebhook = z.infer<typeof UpdateWebhook>;

export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type TDeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Webhook = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  format: WebhookFormat,
  events: z.array(z.string()),
  active: z.boolean(),
  allowPrivate: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** The newest delivery's outcome, or null before the first. */
  lastDelivery: z.object({ status: DeliveryStatus, responseStatus: z.number().int().nullable(), at: IsoDateTime }).nullable(),
});
export type TWebhook = z.infer<typeof Webhook>;

/** A webhook with its signing secret, returned only when created and when the secret is rotated. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type TWebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookDelivery = z.object({
  id: Id,
  eventId: Id,
  eventKind: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  /** The first 2 KB of the receiver's answer; null when its address is not public (only the status is kept). */
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When the next attempt is due (while pending). */
  nextAttemptAt: IsoDateTime.nullable(),
});
export type TWebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveryListQuery = ListQuery.extend({ status: DeliveryStatus.optional() });
