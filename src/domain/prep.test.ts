import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { confirmDate, documentsToBring, isInPerson, type PrepAnswers, prepChecklist } from './prep.js';
import type { Medium } from './vocab.js';

// Tuesday 12 May 2026, 14:00 in Paris (12:00 UTC).
const startsAt = new Date('2026-05-12T12:00:00Z');
const timeZone = 'Europe/Paris';
const now = new Date('2026-05-08T09:00:00Z');

function checklist(
  medium: Medium,
  prep: PrepAnswers = {},
  extra: Partial<Parameters<typeof prepChecklist>[0]> = {},
) {
  return prepChecklist({
    medium,
    startsAt,
    timeZone,
    now,
    prep,
    questionsChosen: 0,
    documentsToBring: 0,
    ...extra,
  });
}

const keys = (c: ReturnType<typeof checklist>) => c.items.map((i) => i.key);
const item = (c: ReturnType<typeof checklist>, key: string) => c.items.find((i) => i.key === key);

describe('prepChecklist', () => {
  it('for a phone call: research, questions and confirmation only', () => {
    const c = checklist('phone', {}, { documentsToBring: 2 });
    expect(keys(c)).toEqual(['research', 'questions', 'documents', 'confirm']);
    expect(c.leaveBy).toBeNull();
    expect(keys(checklist('phone'))).toEqual(['research', 'questions', 'confirm']);
    expect(keys(checklist('video'))).toEqual(['research', 'questions', 'confirm']);
    expect(keys(checklist('other'))).toEqual(['research', 'questions', 'confirm']);
  });

  it('for coffee with documents: also spare copies and when to leave', () => {
    const c = checklist('coffee', {}, { documentsToBring: 1 });
    expect(keys(c)).toEqual(['research', 'questions', 'documents', 'copies', 'confirm', 'leave_by']);
    expect(item(c, 'documents')?.detail).toMatch(/^1 document to bring/);
    expect(item(checklist('office', {}, { documentsToBring: 3 }), 'documents')?.detail).toMatch(
      /^3 documents/,
    );
  });

  it('in person without documents: no documents or copies, but a leave-by time', () => {
    expect(keys(checklist('office'))).toEqual(['research', 'questions', 'confirm', 'leave_by']);
  });

  it('counts questions as done from 3 chosen', () => {
    expect(item(checklist('phone', {}, { questionsChosen: 2 }), 'questions')).toMatchObject({
      done: false,
      detail: '2 chosen so far.',
    });
    expect(item(checklist('phone', {}, { questionsChosen: 3 }), 'questions')?.done).toBe(true);
    expect(item(checklist('phone', {}, { questionsChosen: 12 }), 'questions')?.done).toBe(true);
  });

  it('ticks items from the answers', () => {
    const c = checklist(
      'coffee',
      { researchDone: true, documentsReady: true, extraCopies: false, confirmed: true },
      { documentsToBring: 1 },
    );
    expect(c.items.map((i) => [i.key, i.done])).toEqual([
      ['research', true],
      ['questions', false],
      ['documents', true],
      ['copies', false],
      ['confirm', true],
      ['leave_by', false],
    ]);
    expect(c).toMatchObject({ done: 3, total: 6, status: 'in_progress' });
  });

  it('is not started with nothing done, and ready with everything done', () => {
    expect(checklist('phone')).toMatchObject({ done: 0, total: 3, status: 'not_started' });
    const ready = checklist('phone', { researchDone: true, confirmed: true }, { questionsChosen: 4 });
    expect(ready).toMatchObject({ done: 3, total: 3, status: 'ready' });
    const inPerson = checklist(
      'coffee',
      { researchDone: true, confirmed: true, documentsReady: true, extraCopies: true, travelMinutes: 30 },
      { questionsChosen: 5, documentsToBring: 2 },
    );
    expect(inPerson).toMatchObject({ done: 6, total: 6, status: 'ready' });
  });

  it('plans to leave with 20 minutes of travel and 15 early by default', () => {
    const c = checklist('coffee');
    expect(c.leaveBy?.toISOString()).toBe('2026-05-12T11:25:00.000Z');
    expect(item(c, 'leave_by')).toMatchObject({ label: 'Leave by 13:25', done: false });
    expect(item(c, 'leave_by')?.detail).toMatch(/assuming 20 minutes of travel/);
  });

  it('uses the travel time the user entered, and counts it as done', () => {
    const c = checklist('office', { travelMinutes: 45 });
    expect(c.leaveBy?.toISOString()).toBe('2026-05-12T11:00:00.000Z');
    expect(item(c, 'leave_by')).toMatchObject({ label: 'Leave by 13:00', done: true });
    expect(item(c, 'leave_by')?.detail).toBe('To arrive 15 minutes early, 45 minutes of travel.');
    expect(checklist('office', { travelMinutes: 0 }).leaveBy?.toISOString()).toBe('2026-05-12T11:45:00.000Z');
  });

  it('says which day to confirm, in the meeting’s zone', () => {
    expect(item(checklist('phone'), 'confirm')?.detail).toBe(
      'Send a short note on Monday 11 May to check the time and place still suit them.',
    );
    const onTheDay = checklist('phone', {}, { now: new Date('2026-05-11T07:00:00Z') });
    expect(item(onTheDay, 'confirm')?.detail).toMatch(/^Send a short note today \(Monday 11 May\)/);
    const late = checklist('phone', {}, { now: new Date('2026-05-12T06:00:00Z') });
    expect(item(late, 'confirm')?.detail).toMatch(/has passed/);
  });

  it('rejects bad input', () => {
    expect(() => checklist('coffee', { travelMinutes: -5 })).toThrow(/travelMinutes/);
    expect(() => checklist('coffee', { travelMinutes: 12.5 })).toThrow(AppError);
    expect(() => checklist('phone', {}, { questionsChosen: -1 })).toThrow(/questionsChosen/);
    expect(() => checklist('phone', {}, { documentsToBring: 1.5 })).toThrow(/documentsToBring/);
    expect(() => checklist('phone', {}, { startsAt: new Date('nope') })).toThrow(/startsAt/);
    expect(() => checklist('phone', {}, { now: new Date(Number.NaN) })).toThrow(/now/);
    expect(() => checklist('phone', {}, { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe('confirmDate', () => {
  const cal = (timeZone: string, holidays: string[] = []) => ({ timeZone, holidays });

  it('is the local business day before, not the UTC one', () => {
    // 01:00 on Wednesday 10 June in Auckland is still 9 June in UTC.
    expect(confirmDate(new Date('2026-06-09T13:00:00Z'), cal('Pacific/Auckland'))).toBe('2026-06-09');
    expect(confirmDate(new Date('2026-06-09T13:00:00Z'), cal('UTC'))).toBe('2026-06-08');
  });

  it('skips the weekend and holidays: a Monday meeting is confirmed on Friday', () => {
    // 00:30 on Monday 30 March in Paris (a clock change the night before) is confirmed on Friday 27.
    expect(confirmDate(new Date('2026-03-29T22:30:00Z'), cal('Europe/Paris'))).toBe('2026-03-27');
    // 23:30 on Sunday 1 November in New York (clocks fell back that day): Friday 30 October.
    expect(confirmDate(new Date('2026-11-02T04:30:00Z'), cal('America/New_York'))).toBe('2026-10-30');
    // Friday 25 December is a holiday: a Monday 28 meeting is confirmed on Thursday 24.
    expect(confirmDate(new Date('2026-12-28T10:00:00Z'), cal('Europe/Paris', ['2026-12-25']))).toBe(
      '2026-12-24',
    );
  });

  it('crosses month and year ends', () => {
    expect(confirmDate(new Date('2027-01-01T10:00:00Z'), cal('Europe/Paris'))).toBe('2026-12-31');
    expect(confirmDate(new Date('2028-03-01T10:00:00Z'), cal('UTC'))).toBe('2028-02-29');
  });

  it('shows the business day before in the checklist, in the user calendar', () => {
    const c = prepChecklist({
      medium: 'phone',
      startsAt: new Date('2026-03-29T22:30:00Z'),
      timeZone: 'Europe/Paris',
      calendar: cal('Europe/Paris', ['2026-03-27']),
      now: new Date('2026-03-20T10:00:00Z'),
      prep: {},
      questionsChosen: 3,
      documentsToBring: 0,
    });
    expect(c.items.find((i) => i.key === 'confirm')?.detail).toMatch(/on Thursday 26 March/);
  });
});

describe('isInPerson', () => {
  it('is true for coffee and the office only', () => {
    expect((['phone', 'video', 'coffee', 'office', 'other'] as const).filter(isInPerson)).toEqual([
      'coffee',
      'office',
    ]);
  });
});

describe('documentsToBring', () => {
  it('keeps each document once, the first row standing for it', () => {
    const rows = [
      { documentId: 'cv', sharedWith: null },
      { documentId: 'cv', sharedWith: 'Ana' },
      { documentId: 'portfolio', sharedWith: 'Ana' },
      { documentId: 'cv', sharedWith: 'Ben' },
    ];
    expect(documentsToBring(rows)).toEqual([
      { documentId: 'cv', sharedWith: null },
      { documentId: 'portfolio', sharedWith: 'Ana' },
    ]);
    expect(documentsToBring([])).toEqual([]);
  });
});
