/**
 * The opportunity form's values and their conversion to the API's input. A source is a
 * conversation or a person, with the words that name it on screen.
 */
import type { OpportunityKind } from '../../domain/vocab.js';
import type { Opportunity, OpportunityInput } from '../network/network-api.js';
import { todayIso } from '../network/network-labels.js';

export interface PickedSource {
  conversationId?: string;
  personId?: string;
  /** "Learn about a role with Maya Okafor" or "Maya Okafor". */
  label: string;
}

export interface OpportunityFormValues {
  kind: OpportunityKind;
  title: string;
  /** An organization id, '' for none, or NEW_ORGANIZATION. */
  organizationChoice: string;
  newOrganizationName: string;
  occurredOn: string;
  notes: string;
  sources: PickedSource[];
}

export function emptyOpportunity(now: Date = new Date()): OpportunityFormValues {
  return {
    kind: 'referral',
    title: '',
    organizationChoice: '',
    newOrganizationName: '',
    occurredOn: todayIso(now),
    notes: '',
    sources: [],
  };
}

/** The key that tells two sources apart, e.g. "c:…" for a conversation. */
export function sourceKey(s: { conversationId?: string | null; personId?: string | null }): string {
  return s.conversationId ? `c:${s.conversationId}` : `p:${s.personId ?? ''}`;
}

/** The form's values for a saved opportunity; `nameOf` names its sources. */
export function opportunityToValues(o: Opportunity, nameOf: (key: string) => string): OpportunityFormValues {
  return {
    kind: o.kind,
    title: o.title,
    organizationChoice: o.organizationId ?? '',
    newOrganizationName: '',
    occurredOn: o.occurredOn,
    notes: o.notes,
    sources: o.sources.map((s) => ({
      ...(s.conversationId ? { conversationId: s.conversationId } : {}),
      ...(s.personId ? { personId: s.personId } : {}),
      label: nameOf(sourceKey(s)),
    })),
  };
}

/** The API input, with the organization already resolved to an id. */
export function valuesToOpportunityInput(
  v: OpportunityFormValues,
  organizationId: string | null,
): OpportunityInput {
  return {
    kind: v.kind,
    title: v.title,
    organizationId,
    occurredOn: v.occurredOn,
    notes: v.notes,
    sources: v.sources.map((s) => ({
      conversationId: s.conversationId ?? null,
      personId: s.personId ?? null,
    })),
  };
}
