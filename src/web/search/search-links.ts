import type { SearchHit } from '../meetings/preparation-api.js';
import { SEARCH_TYPES, type SearchType } from '../meetings/preparation-labels.js';

/** The types named in a `types=` parameter, known ones only, in the usual order. */
export function parseTypes(param: string | null): SearchType[] {
  if (!param) return [];
  const named = new Set(param.split(',').map((t) => t.trim()));
  return SEARCH_TYPES.filter((t) => named.has(t));
}

/** The address of the results page for a query and a set of types (none means all). */
export function searchUrl(q: string, types: readonly SearchType[] = []): string {
  const params = new URLSearchParams();
  params.set('q', q);
  if (types.length) params.set('types', types.join(','));
  return `/search?${params.toString()}`;
}

/**
 * The page a hit opens: people, organizations and conversations their own page; a note or insight
 * the conversation it came from, else the person or organization it is about; a debrief's answers
 * the plan they answer, its summary the conversation; a task what it is for, else the task list; a
 * message itself, in the log of its conversation or else its person; a question its place in the
 * question bank.
 */
export function hitLink(hit: SearchHit): string | null {
  const conversation = hit.conversationId && `/conversations/${hit.conversationId}`;
  const person = hit.personId && `/people/${hit.personId}`;
  const organization = hit.organizationId && `/organizations/${hit.organizationId}`;
  switch (hit.type) {
    case 'person':
      return `/people/${hit.id}`;
    case 'organization':
      return `/organizations/${hit.id}`;
    case 'conversation':
      return `/conversations/${hit.id}`;
    case 'debrief':
      return hit.part === 'answer' && conversation ? `${conversation}/plan` : conversation || null;
    case 'task':
      return conversation || person || '/tasks';
    case 'question':
      return `/questions?focus=${encodeURIComponent(hit.id)}`;
    case 'note':
      return conversation || person || organization || null;
    case 'insight':
      return conversation || organization || person || null;
    case 'message': {
      const log = conversation || person;
      return log ? `${log}#message-${encodeURIComponent(hit.id)}` : null;
    }
  }
}
