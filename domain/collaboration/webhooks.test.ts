import { describe, expect, it } from 'vitest';
import { CreateWebhook, eventMatches, retryDelayMs, webhookUrlProblem } from './webhooks';

describe('retryDelayMs', () => {
  it('doubles from 30 s and caps at 6 h, without jitter', () => {
    const none = () => 0;
    expect(retryDelayMs(1, none)).toBe(30_000);
    expect(retryDelayMs(2, none)).toBe(60_000);
    expect(retryDelayMs(3, none)).toBe(120_000);
    expect(retryDelayMs(7, none)).toBe(1_920_000); // 30 s × 64 = 32 min
    expect(retryDelayMs(10, none)).toBe(15_360_000); // 30 s × 512 = 4 h 16 min
    expect(retryDelayMs(11, none)).toBe(21_600_000); // 30 s × 1024 = 8 h 32 min → 6 h
  });
  it('adds at most 10 % jitter', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(31_500);
    expect(retryDelayMs(2, () => 0.999)).toBe(65_994);
  });
});

describe('eventMatches', () => {
  it('matches everything when empty, exact actions and prefixes', () => {
    expect(eventMatches([], 'goal.update')).toBe(true);
    expect(eventMatches(['goal.update'], 'goal.update')).toBe(true);
    expect(eventMatches(['goal.update'], 'goal.create')).toBe(false);
    expect(eventMatches(['goal.*'], 'goal.create')).toBe(true);
    expect(eventMatches(['goal.*'], 'goal_link.create')).toBe(false);
    expect(eventMatches(['*'], 'initiative.update')).toBe(true);
  });
});

describe('webhook URLs', () => {
  it('accepts http(s) URLs and refuses other schemes, credentials and long URLs', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T/B/X')).toBeNull();
    expect(webhookUrlProblem('ftp://example.com/')).toMatch(/http/);
    expect(webhookUrlProblem('https://user:pw@example.com/')).toMatch(/user name or password/);
    expect(webhookUrlProblem('not a url')).toMatch(/not a valid URL/);
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`)).toMatch(/2,000/);
  });
  it('validates event patterns and defaults', () => {
    expect(CreateWebhook.parse({ name: 'x', url: 'https://example.com' })).toMatchObject({ format: 'json', events: [], active: true, allowPrivate: false });
    expect(CreateWebhook.safeParse({ name: 'x', url: 'https://example.com', events: ['goal.*', 'Goal Update'] }).success).toBe(false);
  });
});
