import { describe, expect, it } from 'vitest';
import { defaultChoice, differingFields, type MergeablePerson, mergedValues } from './merge-fields.js';

function person(values: Partial<MergeablePerson>): MergeablePerson {
  return {
    fullName: 'Ana Silva',
    title: null,
    function: null,
    seniority: null,
    organizationId: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    location: null,
    timeZone: null,
    howWeKnow: null,
    keepInTouch: 'unknown',
    keepInTouchEveryDays: null,
    preferredChannel: null,
    notes: '',
    pastOrganizationIds: [],
    editedFields: [],
    connectedOn: null,
    lastInteractionAt: null,
    ...values,
  };
}

describe('mergedValues', () => {
  it('keeps the kept person’s values and fills the empty ones from the other', () => {
    const kept = person({ title: 'Engineer', email: null });
    const other = person({ fullName: 'Ana S.', title: 'Manager', email: 'ana@example.com' });
    const out = mergedValues(kept, other);
    expect(out.fullName).toBe('Ana Silva');
    expect(out.title).toBe('Engineer');
    expect(out.email).toBe('ana@example.com');
    expect(defaultChoice('email', kept, other)).toBe('merged');
  });
  it('follows the user’s choice field by field', () => {
    const out = mergedValues(person({ title: 'Engineer' }), person({ title: 'Manager' }), {
      title: 'merged',
    });
    expect(out.title).toBe('Manager');
  });
  it('keeps both notes, unions past organizations and edited fields, and keeps the widest dates', () => {
    const kept = person({
      notes: 'Met at the meetup.',
      pastOrganizationIds: ['o1'],
      editedFields: ['title'],
      connectedOn: '2024-05-01',
      lastInteractionAt: new Date('2026-01-01T00:00:00Z'),
    });
    const other = person({
      fullName: 'Ana S.',
      notes: 'Likes coffee.',
      pastOrganizationIds: ['o2', 'o1'],
      editedFields: ['email'],
      connectedOn: '2023-02-01',
      lastInteractionAt: new Date('2026-03-01T00:00:00Z'),
    });
    const out = mergedValues(kept, other);
    expect(out.notes).toBe('Met at the meetup.\n\nFrom Ana S.:\nLikes coffee.');
    expect(out.pastOrganizationIds.sort()).toEqual(['o1', 'o2']);
    expect(out.editedFields.sort()).toEqual(['email', 'title']);
    expect(out.connectedOn).toBe('2023-02-01');
    expect(out.lastInteractionAt?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
  it('lists only the fields that differ', () => {
    expect(differingFields(person({ title: 'A' }), person({ title: 'B' }))).toEqual(['title']);
  });
});
