/**
 * Which values survive when two people are merged. The user picks, field by field, whose value to
 * keep; unpicked fields keep the kept person's value and fall back to the other's when empty.
 * Some fields are combined rather than picked, so nothing the user wrote down is lost.
 */

/** Fields the user chooses between, in the order the review page shows them. */
export const MERGE_FIELDS = [
  'fullName',
  'title',
  'function',
  'seniority',
  'organizationId',
  'email',
  'phone',
  'linkedinUrl',
  'location',
  'timeZone',
  'howWeKnow',
  'keepInTouch',
  'keepInTouchEveryDays',
  'preferredChannel',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Field labels in plain words, shared by the review page and the CLI. */
export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  fullName: 'Name',
  title: 'Title',
  function: 'Function',
  seniority: 'Seniority',
  organizationId: 'Organization',
  email: 'E-mail',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn',
  location: 'Location',
  timeZone: 'Time zone',
  howWeKnow: 'How we know them',
  keepInTouch: 'Keep in touch',
  keepInTouchEveryDays: 'Keep in touch every (days)',
  preferredChannel: 'Preferred channel',
};

export type MergeChoice = 'kept' | 'merged';

/** The part of a person the merge rules read. */
export interface MergeablePerson {
  fullName: string;
  title: string | null;
  function: string | null;
  seniority: string | null;
  organizationId: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  location: string | null;
  timeZone: string | null;
  howWeKnow: string | null;
  keepInTouch: string;
  keepInTouchEveryDays: number | null;
  preferredChannel: string | null;
  notes: string;
  pastOrganizationIds: string[];
  editedFields: string[];
  connectedOn: string | null;
  lastInteractionAt: Date | null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 'unknown';
}

/** The default pick for one field: the kept person's value, or the other's when the kept one is empty. */
export function defaultChoice(
  field: MergeField,
  kept: MergeablePerson,
  merged: MergeablePerson,
): MergeChoice {
  return isEmpty(kept[field]) && !isEmpty(merged[field]) ? 'merged' : 'kept';
}

/** Fields whose values differ, which are the ones worth asking about. */
export function differingFields(kept: MergeablePerson, merged: MergeablePerson): MergeField[] {
  return MERGE_FIELDS.filter((f) => (kept[f] ?? null) !== (merged[f] ?? null));
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/**
 * The values the kept person has after the merge. Notes of both are kept (the other's below a
 * line naming them), past organizations and hand-edited fields are unioned, the relationship
 * began at the earlier date and was last active at the later one.
 */
export function mergedValues(
  kept: MergeablePerson,
  merged: MergeablePerson,
  choices: Partial<Record<MergeField, MergeChoice>> = {},
): MergeablePerson {
  const out = { ...kept } as MergeablePerson;
  const writable = out as unknown as Record<MergeField, unknown>;
  for (const field of MERGE_FIELDS) {
    const choice = choices[field] ?? defaultChoice(field, kept, merged);
    writable[field] = choice === 'merged' ? merged[field] : kept[field];
  }
  const keptNotes = kept.notes.trim();
  const otherNotes = merged.notes.trim();
  out.notes =
    otherNotes && otherNotes !== keptNotes
      ? [keptNotes, `From ${merged.fullName}:\n${otherNotes}`].filter(Boolean).join('\n\n')
      : kept.notes;
  const orgs = new Set([...kept.pastOrganizationIds, ...merged.pastOrganizationIds]);
  if (out.organizationId) orgs.delete(out.organizationId);
  out.pastOrganizationIds = [...orgs];
  out.editedFields = [...new Set([...kept.editedFields, ...merged.editedFields])];
  out.connectedOn = earliest(kept.connectedOn, merged.connectedOn);
  out.lastInteractionAt = latest(kept.lastInteractionAt, merged.lastInteractionAt);
  return out;
}
