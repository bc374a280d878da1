import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, MAX_TERMS, SearchQuery, highlightHtml, highlightParts, prefixTsquery, searchTerms } from './search';

describe('searchTerms', () => {
  it('splits words, lower-cases and drops repeats', () => {
    expect(searchTerms('  Cloud   migration cloud ')).toEqual(['cloud', 'migration']);
    expect(searchTerms('infra')).toEqual(['infra']);
  });

  it('turns every tsquery operator into a separator', () => {
    expect(searchTerms("O'Brien")).toEqual(['o', 'brien']);
    expect(searchTerms("a' | b & !c:* (d) \\e <-> f")).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(searchTerms("'); drop table goals; --")).toEqual(['drop', 'table', 'goals']);
    expect(searchTerms('e-mail_address')).toEqual(['e', 'mail', 'address']);
  });

  it('keeps letters and digits of every script, normalised', () => {
    expect(searchTerms('Ünïcödé Straße 東京 ２０２６')).toEqual(['ünïcödé', 'straße', '東京', '2026']);
    // A decomposed é (e + combining accent) becomes the composed one.
    expect(searchTerms('cafe\u0301')).toEqual(['café']);
    expect(searchTerms('CO₂')).toEqual(['co2']);
  });

  it('is empty when nothing searchable is left', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(" '&|!:()\\*  ")).toEqual([]);
    expect(searchTerms('🚀 ---')).toEqual([]);
  });

  it('keeps at most MAX_TERMS terms', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_TERMS);
  });
});

describe('prefixTsquery', () => {
  it('requires every term as a quoted prefix', () => {
    expect(prefixTsquery(['infra', 'plan'])).toBe("'infra':* & 'plan':*");
    expect(prefixTsquery(['infra'], 'A')).toBe("'infra':*A");
  });

  it('cannot be broken by a term that did not come from searchTerms', () => {
    expect(prefixTsquery(["x' | 'y"])).toBe("'xy':*");
  });
});

describe('SearchQuery', () => {
  it('takes a query, types and a limit with defaults', () => {
    expect(SearchQuery.parse({ q: 'cloud' })).toEqual({ q: 'cloud', types: undefined, includeArchived: false, limit: 20 });
    expect(SearchQuery.parse({ q: 'x', types: 'goal, initiative,goal', includeArchived: 'true', limit: '50' }))
      .toEqual({ q: 'x', types: ['goal', 'initiative'], includeArchived: true, limit: 50 });
  });

  it('rejects an empty query, one with nothing searchable, bad types and big limits', () => {
    const pathOf = (input: unknown) => SearchQuery.safeParse(input).error?.issues[0]?.path.join('.');
    expect(pathOf({ q: '' })).toBe('q');
    expect(pathOf({ q: "'&|!" })).toBe('q');
    expect(pathOf({ q: 'x'.repeat(201) })).toBe('q');
    expect(pathOf({ q: 'x', types: 'goal;drop' })).toBe('types.0');
    expect(pathOf({ q: 'x', limit: '51' })).toBe('limit');
  });
});

describe('highlights', () => {
  it('escapes everything and marks only the matched runs', () => {
    expect(highlightHtml(`Plan ${S}infra${E}structure <b>now</b>`)).toBe('Plan <mark>infra</mark>structure &lt;b&gt;now&lt;/b&gt;');
    expect(highlightHtml(`${S}<script>${E}alert("x")`)).toBe('<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)');
  });

  it('drops unpaired markers', () => {
    expect(highlightHtml(`a${S}b ${S}c${E} d${E}`)).toBe('ab <mark>c</mark> d');
  });

  it('reads the API highlight back as text runs; other tags stay text', () => {
    expect(highlightParts('Plan <mark>infra</mark>structure &lt;b&gt; &amp;')).toEqual([
      { text: 'Plan ', mark: false }, { text: 'infra', mark: true }, { text: 'structure <b> &', mark: false },
    ]);
    expect(highlightParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
    expect(highlightParts(highlightHtml(`${S}<mark>${E}`))).toEqual([{ text: '<mark>', mark: true }]);
    expect(highlightParts('')).toEqual([]);
  });
});
