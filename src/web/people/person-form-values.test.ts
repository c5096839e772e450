import { describe, expect, it } from 'vitest';
import { EMPTY_PERSON, parseTags, valuesToInput } from './person-form-values.js';

describe('parseTags', () => {
  it('splits on commas, trims and drops blanks and repeats', () => {
    expect(parseTags(' design, alumni,, Design ,  ')).toEqual(['design', 'alumni']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('valuesToInput', () => {
  it('sends blank optional fields as null so an edit can clear them', () => {
    const input = valuesToInput({ ...EMPTY_PERSON, fullName: 'Ada Lovelace', title: '  ' }, null);
    expect(input.fullName).toBe('Ada Lovelace');
    expect(input.title).toBeNull();
    expect(input.email).toBeNull();
    expect(input.keepInTouchEveryDays).toBeNull();
    expect(input.tags).toEqual([]);
  });

  it('reads the keep-in-touch frequency as a number of days', () => {
    const input = valuesToInput({ ...EMPTY_PERSON, fullName: 'A', keepInTouchEveryDays: '90' }, 'org-1');
    expect(input.keepInTouchEveryDays).toBe(90);
    expect(input.organizationId).toBe('org-1');
  });
});
