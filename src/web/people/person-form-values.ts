/**
 * The person form works on strings, as inputs do; these functions convert between a person from
 * the API, the form's values and the input the API accepts. Blank fields become null so that an
 * edit can clear them.
 */
import type { KeepInTouch, Seniority } from '../../domain/vocab.js';
import type { Person, PersonInput } from '../api.js';

export interface PersonFormValues {
  fullName: string;
  title: string;
  function: string;
  seniority: Seniority | '';
  /** An organization id, '' for none, or NEW_ORGANIZATION. */
  organizationChoice: string;
  newOrganizationName: string;
  /** Ids of organizations they used to work at. */
  pastOrganizationIds: string[];
  email: string;
  phone: string;
  linkedinUrl: string;
  location: string;
  timeZone: string;
  howWeKnow: string;
  introducedById: string;
  /** Comma-separated. */
  tags: string;
  keepInTouch: KeepInTouch;
  keepInTouchEveryDays: string;
  preferredChannel: string;
  connectedOn: string;
  notes: string;
}

export const EMPTY_PERSON: PersonFormValues = {
  fullName: '',
  title: '',
  function: '',
  seniority: '',
  organizationChoice: '',
  newOrganizationName: '',
  pastOrganizationIds: [],
  email: '',
  phone: '',
  linkedinUrl: '',
  location: '',
  timeZone: '',
  howWeKnow: '',
  introducedById: '',
  tags: '',
  keepInTouch: 'unknown',
  keepInTouchEveryDays: '',
  preferredChannel: '',
  connectedOn: '',
  notes: '',
};

/** The form's values for an existing person. */
export function personToValues(p: Person): PersonFormValues {
  return {
    fullName: p.fullName,
    title: p.title ?? '',
    function: p.function ?? '',
    seniority: p.seniority ?? '',
    organizationChoice: p.organizationId ?? '',
    newOrganizationName: '',
    pastOrganizationIds: [...p.pastOrganizationIds],
    email: p.email ?? '',
    phone: p.phone ?? '',
    linkedinUrl: p.linkedinUrl ?? '',
    location: p.location ?? '',
    timeZone: p.timeZone ?? '',
    howWeKnow: p.howWeKnow ?? '',
    introducedById: p.introducedBy?.id ?? '',
    tags: p.tags.join(', '),
    keepInTouch: p.keepInTouch,
    keepInTouchEveryDays: p.keepInTouchEveryDays === null ? '' : String(p.keepInTouchEveryDays),
    preferredChannel: p.preferredChannel ?? '',
    connectedOn: p.connectedOn ?? '',
    notes: p.notes,
  };
}

/** "design, alumni,, Design " → ["design", "alumni"]: trimmed, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The API input for the form's values, with the organization already resolved to an id. */
export function valuesToInput(v: PersonFormValues, organizationId: string | null): PersonInput {
  const every = v.keepInTouchEveryDays.trim();
  return {
    fullName: v.fullName,
    title: orNull(v.title),
    function: orNull(v.function),
    seniority: v.seniority || null,
    organizationId,
    // Where they work now is not also a place they used to work.
    pastOrganizationIds: v.pastOrganizationIds.filter((id) => id !== organizationId),
    email: orNull(v.email),
    phone: orNull(v.phone),
    linkedinUrl: orNull(v.linkedinUrl),
    location: orNull(v.location),
    timeZone: orNull(v.timeZone),
    howWeKnow: orNull(v.howWeKnow),
    introducedById: v.introducedById || null,
    tags: parseTags(v.tags),
    keepInTouch: v.keepInTouch,
    keepInTouchEveryDays: every ? Number(every) : null,
    preferredChannel: orNull(v.preferredChannel),
    connectedOn: v.connectedOn || null,
    notes: v.notes,
  };
}
