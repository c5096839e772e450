import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../meetings/preparation-api.js';
import { hitLink, parseTypes, searchUrl } from './search-links.js';

const hit = (patch: Partial<SearchHit>): SearchHit => ({
  type: 'note',
  id: 'h1',
  title: 'Note',
  snippet: '',
  rank: 1,
  personId: null,
  organizationId: null,
  conversationId: null,
  part: null,
  ...patch,
});

describe('search links', () => {
  it('keeps only known types, in the usual order', () => {
    expect(parseTypes('question, bogus,person')).toEqual(['person', 'question']);
    expect(parseTypes(null)).toEqual([]);
    expect(searchUrl('data ana', ['insight'])).toBe('/search?q=data+ana&types=insight');
  });

  it('opens the page each kind of hit belongs to', () => {
    expect(hitLink(hit({ type: 'person', id: 'p1' }))).toBe('/people/p1');
    expect(hitLink(hit({ type: 'question', id: 'q1' }))).toBe('/questions?focus=q1');
    expect(hitLink(hit({ type: 'insight', conversationId: 'c1', organizationId: 'o1' }))).toBe(
      '/conversations/c1',
    );
    expect(hitLink(hit({ type: 'insight', organizationId: 'o1', personId: 'p1' }))).toBe('/organizations/o1');
    expect(hitLink(hit({ type: 'note', personId: 'p1', organizationId: 'o1' }))).toBe('/people/p1');
    expect(hitLink(hit({ type: 'message' }))).toBeNull();
    expect(hitLink(hit({ type: 'message', id: 'm1', personId: 'p1', conversationId: 'c1' }))).toBe(
      '/conversations/c1#message-m1',
    );
    expect(hitLink(hit({ type: 'message', id: 'm2', personId: 'p1' }))).toBe('/people/p1#message-m2');
    expect(hitLink(hit({ type: 'conversation', id: 'c1', conversationId: 'c1' }))).toBe('/conversations/c1');
    expect(hitLink(hit({ type: 'debrief', conversationId: 'c1', part: 'answer' }))).toBe(
      '/conversations/c1/plan',
    );
    expect(hitLink(hit({ type: 'debrief', conversationId: 'c1', part: 'summary' }))).toBe(
      '/conversations/c1',
    );
    expect(hitLink(hit({ type: 'task', conversationId: 'c1', personId: 'p1' }))).toBe('/conversations/c1');
    expect(hitLink(hit({ type: 'task' }))).toBe('/tasks');
  });
});
