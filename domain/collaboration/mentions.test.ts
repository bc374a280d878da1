import { describe, expect, it } from 'vitest';
import { addedMentions, mentionQueryAt, mentionToken, mentionsAsText, parseMentions } from './mentions';

const ADA = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

describe('parseMentions', () => {
  it('finds each mentioned person once, in order', () => {
    const body = `Hi @[Ada Lovelace](user:${ADA}) and @[Bob](user:${BOB}), cc @[Ada](user:${ADA.toUpperCase()})`;
    expect(parseMentions(body)).toEqual([{ userId: ADA, name: 'Ada Lovelace' }, { userId: BOB, name: 'Bob' }]);
  });

  it('ignores look-alikes', () => {
    expect(parseMentions('mail me at ada@example.com')).toEqual([]);
    expect(parseMentions('@[Ada](user:not-a-uuid)')).toEqual([]);
    expect(parseMentions(`@[](user:${ADA})`)).toEqual([]);
    expect(parseMentions(`@[Ada\nLovelace](user:${ADA})`)).toEqual([]);
    expect(parseMentions(`[Ada](user:${ADA})`)).toEqual([]);
  });
});

describe('mentionToken', () => {
  it('builds a token the parser reads back', () => {
    const token = mentionToken(ADA, 'Ada [the] Lovelace');
    expect(token).toBe(`@[Ada the Lovelace](user:${ADA})`);
    expect(parseMentions(token)).toEqual([{ userId: ADA, name: 'Ada the Lovelace' }]);
  });
});

describe('addedMentions', () => {
  it('keeps only people not mentioned before', () => {
    expect(addedMentions([ADA], [ADA, BOB])).toEqual([BOB]);
    expect(addedMentions([ADA, BOB], [BOB])).toEqual([]);
    expect(addedMentions([], [ADA])).toEqual([ADA]);
  });
});

describe('mentionsAsText', () => {
  it('shows mentions as @Name', () => {
    expect(mentionsAsText(`Thanks @[Ada Lovelace](user:${ADA})!`)).toBe('Thanks @Ada Lovelace!');
  });
});

describe('mentionQueryAt', () => {
  it('finds the query being typed after an @', () => {
    expect(mentionQueryAt('Hello @ad', 9)).toEqual({ start: 6, query: 'ad' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Hi @Ada Lo', 10)).toEqual({ start: 3, query: 'Ada Lo' });
  });

  it('is null outside a query', () => {
    expect(mentionQueryAt('ada@example', 11)).toBeNull();
    expect(mentionQueryAt('no at here', 10)).toBeNull();
    expect(mentionQueryAt(`@[Ada](user:${ADA}) x`, 44)).toBeNull();
    expect(mentionQueryAt('@one two three', 14)).toBeNull();
  });
});
