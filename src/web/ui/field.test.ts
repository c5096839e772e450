import { describe, expect, it } from 'vitest';
import { fieldMessage } from './field.js';

describe('a field message names the field as this form labels it', () => {
  it('completes a fragment with the label', () => {
    expect(fieldMessage('Name', 'is required')).toBe('Name is required');
  });

  it("swaps the server's usual label for this form's label", () => {
    expect(fieldMessage('Task or promise', 'Title is required.')).toBe('Task or promise is required.');
    expect(
      fieldMessage('Date', 'Date and time is not a date and time: write it like 2026-12-07T14:30:00+01:00.'),
    ).toBe('Date is not a date and time: write it like 2026-12-07T14:30:00+01:00.');
    expect(fieldMessage('Their organization', 'Organization: no such organization in this workspace.')).toBe(
      'Their organization: no such organization in this workspace.',
    );
  });

  it('leaves a sentence that already uses the label, or names no field, as it is', () => {
    expect(fieldMessage('Name', 'Name is too long: at most 200 characters.')).toBe(
      'Name is too long: at most 200 characters.',
    );
    expect(fieldMessage('File', 'Choose a file to upload.')).toBe('Choose a file to upload.');
  });
});
