import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../network/network-api.js';
import {
  emptyOpportunity,
  opportunityToValues,
  sourceKey,
  valuesToOpportunityInput,
} from './opportunity-form-values.js';

describe('opportunity form values', () => {
  it('starts a new result today, with no source', () => {
    const v = emptyOpportunity(new Date(2026, 2, 12, 9));
    expect(v.occurredOn).toBe('2026-03-12');
    expect(v.sources).toEqual([]);
  });

  it('sends conversations and people as sources, with null for the missing half', () => {
    const input = valuesToOpportunityInput(
      {
        ...emptyOpportunity(),
        kind: 'offer',
        title: 'Analyst',
        sources: [
          { conversationId: 'c1', label: 'Coffee' },
          { personId: 'p1', label: 'Maya' },
        ],
      },
      'org-1',
    );
    expect(input.organizationId).toBe('org-1');
    expect(input.sources).toEqual([
      { conversationId: 'c1', personId: null },
      { conversationId: null, personId: 'p1' },
    ]);
  });

  it('names the sources of a saved result for editing', () => {
    const saved = {
      id: 'o1',
      kind: 'referral',
      title: 'Designer',
      organizationId: null,
      occurredOn: '2026-01-31',
      notes: '',
      sources: [{ conversationId: null, conversationTitle: null, personId: 'p1', personName: 'Maya Okafor' }],
      version: 3,
      createdAt: '2026-01-31T10:00:00Z',
    } satisfies Opportunity;
    const values = opportunityToValues(saved, (key) => (key === 'p:p1' ? 'Maya Okafor' : '?'));
    expect(values.sources).toEqual([{ personId: 'p1', label: 'Maya Okafor' }]);
    expect(values.organizationChoice).toBe('');
    expect(sourceKey({ conversationId: 'c9', personId: 'p1' })).toBe('c:c9');
  });
});
