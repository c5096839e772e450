import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightParts, prefixTsQuery } from './search-query.js';

describe('search queries', () => {
  it('matches every word, the last as a prefix', () => {
    expect(prefixTsQuery('data ana')).toBe('data & ana:*');
    expect(prefixTsQuery('  Léa  ')).toBe('Léa:*');
  });

  it('keeps query syntax out of user text', () => {
    expect(prefixTsQuery("o'brien & (x | !y):*")).toBe('o & brien & x & y:*');
    expect(prefixTsQuery('!!! ---')).toBeNull();
    expect(prefixTsQuery('')).toBeNull();
  });

  it('splits highlighted snippets into parts, so nothing is rendered as HTML', () => {
    const s = `uses <b>${HIGHLIGHT_START}SQL${HIGHLIGHT_END}</b> daily`;
    expect(highlightParts(s)).toEqual([
      { text: 'uses <b>', highlight: false },
      { text: 'SQL', highlight: true },
      { text: '</b> daily', highlight: false },
    ]);
  });
});
