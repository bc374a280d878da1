import { describe, expect, it } from 'vitest';
import { actionVerb, activitySummary, changedFields, snapshotDiff, snapshotTitle } from './activity';

describe('snapshotDiff', () => {
  it('lists each changed field with its values, before’s fields first', () => {
    expect(snapshotDiff(
      { title: 'Cut lead time', weight: 50, ownerUserId: null },
      { title: 'Cut lead time', weight: 70, ownerUserId: 'u1', tags: ['ops'] },
    )).toEqual({
      weight: { before: 50, after: 70 },
      ownerUserId: { before: null, after: 'u1' },
      tags: { before: null, after: ['ops'] },
    });
    expect(Object.keys(snapshotDiff({ b: 1, a: 1 }, { a: 2, c: 3, b: 2 }))).toEqual(['b', 'a', 'c']);
  });

  it('treats a missing field as null and compares objects whatever their key order', () => {
    expect(snapshotDiff({ note: null }, {})).toEqual({});
    expect(snapshotDiff({ range: { from: 1, to: 2 } }, { range: { to: 2, from: 1 } })).toEqual({});
    expect(snapshotDiff({ range: { from: 1, to: 2 } }, { range: { from: 1, to: 3 } })).toEqual({ range: { before: { from: 1, to: 2 }, after: { from: 1, to: 3 } } });
    expect(snapshotDiff({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual({ tags: { before: ['a', 'b'], after: ['b', 'a'] } });
  });

  it('carries values as JSON would (dates as ISO strings)', () => {
    const at = new Date('2025-03-01T09:30:00.000Z');
    expect(snapshotDiff({ dueAt: null }, { dueAt: at })).toEqual({ dueAt: { before: null, after: '2025-03-01T09:30:00.000Z' } });
    expect(snapshotDiff({ dueAt: '2025-03-01T09:30:00.000Z' }, { dueAt: at })).toEqual({});
  });

  it('leaves out bookkeeping and secret-looking fields', () => {
    expect(snapshotDiff(
      { id: 'a', updatedAt: 'x', version: 1, bodyHtml: '<p>a</p>', passwordHash: 'h1', apiToken: 't1', webhookSecret: 's1', body: 'a' },
      { id: 'a', updatedAt: 'y', version: 2, bodyHtml: '<p>b</p>', passwordHash: 'h2', apiToken: 't2', webhookSecret: 's2', body: 'b' },
    )).toEqual({ body: { before: 'a', after: 'b' } });
  });

  it('is empty unless both sides are objects', () => {
    expect(snapshotDiff(null, { title: 'a' })).toEqual({});
    expect(snapshotDiff({ title: 'a' }, undefined)).toEqual({});
    expect(snapshotDiff(['a'], ['b'])).toEqual({});
  });
});

describe('changedFields', () => {
  it('names the fields snapshotDiff finds', () => {
    expect(changedFields({ title: 'a', weight: 1, updatedAt: 'x' }, { title: 'a', weight: 2, updatedAt: 'y', tags: ['n'] })).toEqual(['weight', 'tags']);
    expect(changedFields({ passwordHash: 'a' }, { passwordHash: 'b' })).toEqual([]);
    expect(changedFields(null, { title: 'a' })).toEqual([]);
  });
});

describe('snapshotTitle', () => {
  it('takes the first snapshot’s title, else its name', () => {
    expect(snapshotTitle({ title: 'New', name: 'n' }, { title: 'Old' })).toBe('New');
    expect(snapshotTitle({ name: 'Ops' }, { title: 'Old' })).toBe('Ops');
    expect(snapshotTitle(null, { title: 'Old' })).toBe('Old');
  });

  it('skips what is not a non-empty string title', () => {
    expect(snapshotTitle({ title: 42 }, { title: '  ' }, { name: 'Ada' })).toBe('Ada');
    expect(snapshotTitle({ body: 'text' }, [{ title: 'in an array' }], 'title')).toBeNull();
    expect(snapshotTitle()).toBeNull();
  });
});

describe('actionVerb', () => {
  it('puts the action’s last part in the past tense', () => {
    expect(actionVerb('goal.update')).toBe('updated');
    expect(actionVerb('action_item.create')).toBe('created');
    expect(actionVerb('workspace.import')).toBe('imported');
    expect(actionVerb('member.leave')).toBe('left');
    expect(actionVerb('archive')).toBe('archived');
  });

  it('reads an unknown verb as "changed"', () => {
    expect(actionVerb('goal.frobnicate')).toBe('changed');
    expect(actionVerb('webhook.rotate_secret')).toBe('changed');
    expect(actionVerb('goal.constructor')).toBe('changed');
  });
});

describe('activitySummary', () => {
  it('writes a sentence', () => {
    expect(activitySummary({ actorName: 'Ada Lovelace', action: 'goal.update', label: 'goal', title: 'Cut lead time' })).toBe('Ada Lovelace updated goal “Cut lead time”');
    expect(activitySummary({ actorName: null, action: 'initiative.archive', label: 'initiative', title: null })).toBe('Someone archived an initiative');
    expect(activitySummary({ actorName: 'Ada', action: 'comment.create', label: 'comment', title: 'X', parent: { label: 'goal', title: 'X' } })).toBe('Ada commented on goal “X”');
    expect(activitySummary({ actorName: 'Ada', action: 'goal.frobnicate', label: 'goal', title: 'X' })).toBe('Ada changed goal “X”');
  });
});
