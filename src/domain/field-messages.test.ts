import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels.js';
import { describeIssue, fieldSentence } from './field-messages.js';

describe('validation issues in words', () => {
  it('names the field as the form labels it, or reads its key when it has no label', () => {
    expect(fieldLabel('fullName')).toBe('Name');
    expect(fieldLabel('participantIds.0')).toBe('People (entry 1)');
    expect(fieldLabel('referrals.2.fullName')).toBe('Name');
    expect(fieldLabel('viaConversationId')).toBe('Via conversation id');
  });

  it('turns each kind of issue into a sentence', () => {
    const at = (field: string) => [field];
    expect(
      describeIssue({ code: 'too_big', path: at('title'), message: '', origin: 'string', maximum: 200 }),
    ).toBe('Title is too long: at most 200 characters.');
    expect(
      describeIssue({ code: 'too_small', path: at('name'), message: '', origin: 'string', minimum: 1 }),
    ).toBe('Name is required.');
    expect(
      describeIssue({
        code: 'too_small',
        path: at('participantIds'),
        message: '',
        origin: 'array',
        minimum: 1,
      }),
    ).toBe('People: choose at least one.');
    expect(
      describeIssue({
        code: 'too_big',
        path: at('durationMinutes'),
        message: '',
        origin: 'number',
        maximum: 480,
      }),
    ).toBe('Duration (minutes) must be 480 or less.');
    expect(describeIssue({ code: 'invalid_type', path: at('limit'), message: '', expected: 'number' })).toBe(
      'Number of results must be a number.',
    );
    expect(
      describeIssue({ code: 'invalid_type', path: at('fullName'), message: '', expected: 'string' }, true),
    ).toBe('Name is required.');
    expect(
      describeIssue({ code: 'invalid_value', path: at('medium'), message: '', values: ['phone', 'video'] }),
    ).toBe('Medium must be one of: phone, video.');
    expect(describeIssue({ code: 'custom', path: at('timeZone'), message: 'is not a known time zone' })).toBe(
      'Time zone is not a known time zone.',
    );
  });

  it('keeps a sentence as it is and says a bare fragment about the field', () => {
    expect(fieldSentence('file', 'Choose a file to upload.')).toBe('Choose a file to upload.');
    expect(fieldSentence('organizationId', 'no such organization in this workspace')).toBe(
      'Organization: no such organization in this workspace.',
    );
  });
});
