import { actionVerb } from '../../../domain/collaboration/activity';
import type { TWebhookFormat } from '../../../domain/collaboration/webhooks';

/**
 * One event as stored with its delivery (built when the change happens): the facts, with the
 * entity's app path. The body in the webhook's format is rendered from it when sending, where
 * the public base URL is known; a redelivery sends the same event id and facts again.
 */
export interface WebhookEvent {
  id: string;
  kind: string;
  occurredAt: string;
  workspace: { id: string; slug: string; name: string };
  actor: { id: string; name: string } | null;
  /** Null for a test ping. `path` is below /w/<slug>, or null when the entity has no page. */
  entity: { type: string; id: string; title: string; path: string | null } | null;
  changes?: Record<string, { before: unknown; after: unknown }>;
}

const workspaceUrl = (e: WebhookEvent, baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(e.workspace.slug)}`;

/** The absolute app link of the event's entity (the workspace when it has none). */
export function eventUrl(e: WebhookEvent, baseUrl: string): string {
  return `${workspaceUrl(e, baseUrl)}${e.entity?.path ?? ''}`;
}

/** The JSON body (format json). */
export function jsonPayload(e: WebhookEvent, baseUrl: string) {
  return {
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt,
    workspace: e.workspace,
    actor: e.actor,
    entity: e.entity ? { type: e.entity.type, id: e.entity.id, title: e.entity.title, url: eventUrl(e, baseUrl) } : null,
    ...(e.changes ? { changes: e.changes } : {}),
  };
}

/** A plain sentence: "Olivia Owner updated goal “Cut lead time”". */
export function summary(e: WebhookEvent): string {
  if (e.kind === 'ping') return `Test delivery from Tandem (${e.workspace.name})`;
  const verb = actionVerb(e.kind);
  const what = e.entity ? `${e.entity.type.replace(/_/g, ' ')} “${e.entity.title}”` : e.kind;
  return `${e.actor?.name ?? 'Tandem'} ${verb} ${what}`;
}

/** A change value as short text for chat messages. */
function shown(v: unknown): string {
  const s = v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

function changeLines(e: WebhookEvent): { field: string; text: string }[] {
  return Object.entries(e.changes ?? {}).slice(0, 10).map(([field, c]) => ({ field, text: `${shown(c.before)} → ${shown(c.after)}` }));
}

/** Slack mrkdwn: only &, < and > are special. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack incoming-webhook message: `text` (notification fallback) and Block Kit `blocks`. */
export function slackPayload(e: WebhookEvent, baseUrl: string) {
  const url = eventUrl(e, baseUrl);
  const text = `${summary(e)} in ${e.workspace.name}`;
  const lines = changeLines(e);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `<${url}|${slackEscape(summary(e))}>` } },
      ...(lines.length > 0
        ? [{ type: 'section', text: { type: 'mrkdwn', text: lines.map((l) => `*${slackEscape(l.field)}:* ${slackEscape(l.text)}`).join('\n') } }]
        : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(`${e.kind} · ${e.workspace.name} · ${e.occurredAt}`) }] },
    ],
  };
}

/** A Teams message with an Adaptive Card (Workflows "post to a channel when a webhook request is received"). */
export function teamsPayload(e: WebhookEvent, baseUrl: string) {
  const lines = changeLines(e);
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        body: [
          { type: 'TextBlock', text: summary(e), weight: 'Bolder', size: 'Medium', wrap: true },
          { type: 'TextBlock', text: `${e.kind} · ${e.workspace.name}`, isSubtle: true, spacing: 'None', wrap: true },
          ...(lines.length > 0 ? [{ type: 'FactSet', facts: lines.map((l) => ({ title: l.field, value: l.text })) }] : []),
        ],
        actions: [{ type: 'Action.OpenUrl', title: 'Open in Tandem', url: eventUrl(e, baseUrl) }],
      },
    }],
  };
}

/** The request body for a webhook of `format`. */
export function renderPayload(format: TWebhookFormat, e: WebhookEvent, baseUrl: string): unknown {
  if (format === 'slack') return slackPayload(e, baseUrl);
  if (format === 'teams') return teamsPayload(e, baseUrl);
  return jsonPayload(e, baseUrl);
}
