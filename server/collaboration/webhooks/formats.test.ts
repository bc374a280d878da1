import { describe, expect, it } from 'vitest';
import { renderPayload, summary, type WebhookEvent } from './formats';

const event: WebhookEvent = {
  id: '11111111-1111-4111-8111-111111111111', kind: 'goal.update', occurredAt: '2026-03-01T10:00:00.000Z',
  workspace: { id: '22222222-2222-4222-8222-222222222222', slug: 'acme', name: 'Acme <Logistics>' },
  actor: { id: '33333333-3333-4333-8333-333333333333', name: 'Olivia Owner' },
  entity: { type: 'goal', id: '44444444-4444-4444-8444-444444444444', title: 'Cut lead time', path: '/goals/44444444-4444-4444-8444-444444444444' },
  changes: { weight: { before: 80, after: 90 } },
};
const url = 'https://tandem.example.com/w/acme/goals/44444444-4444-4444-8444-444444444444';

describe('webhook formats', () => {
  it('json: the event with an absolute entity URL', () => {
    expect(renderPayload('json', event, 'https://tandem.example.com/')).toEqual({
      id: event.id, kind: 'goal.update', occurredAt: event.occurredAt, workspace: event.workspace, actor: event.actor,
      entity: { type: 'goal', id: event.entity!.id, title: 'Cut lead time', url }, changes: { weight: { before: 80, after: 90 } },
    });
  });
  it('slack: text and blocks with an escaped link', () => {
    const p = renderPayload('slack', event, 'https://tandem.example.com') as { text: string; blocks: { text?: { text: string } }[] };
    expect(p.text).toBe('Olivia Owner updated goal “Cut lead time” in Acme <Logistics>');
    expect(p.blocks[0]!.text!.text).toBe(`<${url}|Olivia Owner updated goal “Cut lead time”>`);
    expect(p.blocks[1]!.text!.text).toBe('*weight:* 80 → 90');
  });
  it('teams: an Adaptive Card 1.4 with a link action', () => {
    const p = renderPayload('teams', event, 'https://tandem.example.com') as any;
    expect(p.type).toBe('message');
    expect(p.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(p.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url }] });
    expect(p.attachments[0].content.body[2]).toEqual({ type: 'FactSet', facts: [{ title: 'weight', value: '80 → 90' }] });
  });
  it('a ping has no entity and links to the workspace', () => {
    const ping = { ...event, kind: 'ping', entity: null, changes: undefined };
    expect(summary(ping)).toBe('Test delivery from Tandem (Acme <Logistics>)');
    expect(renderPayload('json', ping, 'https://t.example')).toMatchObject({ entity: null });
  });
});
