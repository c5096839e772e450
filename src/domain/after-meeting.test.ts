import { describe, expect, it } from 'vitest';
import {
  draftThankYou,
  highlightFromNotes,
  KEEP_IN_TOUCH_DEFAULT_DAYS,
  keepInTouchDueDate,
  REPORT_BACK_DAYS,
  reportBackDueDate,
  THANK_YOU_WITHIN_HOURS,
  thankYouDueAt,
} from './after-meeting.js';
import { AppError } from './errors.js';

describe('thank-you timing', () => {
  it('is due 24 hours after the meeting ends', () => {
    expect(THANK_YOU_WITHIN_HOURS).toBe(24);
    expect(thankYouDueAt(new Date('2026-03-06T15:30:00Z')).toISOString()).toBe('2026-03-07T15:30:00.000Z');
  });

  it('counts real hours across a clock change', () => {
    // Paris moves its clocks forward in this window; the deadline stays 24 elapsed hours away.
    expect(thankYouDueAt(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T12:00:00.000Z');
  });
});

describe('reportBackDueDate', () => {
  it('defaults to about two weeks later', () => {
    expect(REPORT_BACK_DAYS).toBe(14);
    expect(reportBackDueDate('2026-03-06')).toBe('2026-03-20');
    expect(reportBackDueDate('2026-12-25')).toBe('2027-01-08');
    expect(reportBackDueDate('2028-02-20')).toBe('2028-03-05');
  });

  it('takes a configured number of days', () => {
    expect(reportBackDueDate('2026-03-06', 7)).toBe('2026-03-13');
  });

  it('rejects nonsense', () => {
    expect(() => reportBackDueDate('2026-03-06', 0)).toThrow(AppError);
    expect(() => reportBackDueDate('yesterday')).toThrow(AppError);
  });
});

describe('keepInTouchDueDate', () => {
  it('uses the agreed rhythm, counted from the last interaction', () => {
    expect(keepInTouchDueDate({ permission: 'yes', everyDays: 30, lastInteraction: '2026-03-06' })).toBe(
      '2026-04-05',
    );
  });

  it('falls back to every 90 days, or a configured default, when they said yes without a rhythm', () => {
    expect(KEEP_IN_TOUCH_DEFAULT_DAYS).toBe(90);
    expect(keepInTouchDueDate({ permission: 'yes', everyDays: null, lastInteraction: '2026-03-06' })).toBe(
      '2026-06-04',
    );
    expect(
      keepInTouchDueDate({ permission: 'yes', everyDays: null, lastInteraction: '2026-03-06' }, 60),
    ).toBe('2026-05-05');
  });

  it('never schedules contact when they said no, even with a rhythm on file', () => {
    expect(keepInTouchDueDate({ permission: 'no', everyDays: 30, lastInteraction: '2026-03-06' })).toBeNull();
    expect(
      keepInTouchDueDate({ permission: 'no', everyDays: null, lastInteraction: '2026-03-06' }),
    ).toBeNull();
  });

  it('schedules an unknown permission only when a rhythm was set', () => {
    expect(
      keepInTouchDueDate({ permission: 'unknown', everyDays: null, lastInteraction: '2026-03-06' }),
    ).toBeNull();
    expect(keepInTouchDueDate({ permission: 'unknown', everyDays: 45, lastInteraction: '2026-03-06' })).toBe(
      '2026-04-20',
    );
  });

  it('moves with each new interaction and crosses leap days', () => {
    const f = { permission: 'yes' as const, everyDays: 90 };
    expect(keepInTouchDueDate({ ...f, lastInteraction: '2027-12-01' })).toBe('2028-02-29');
    expect(keepInTouchDueDate({ ...f, lastInteraction: '2028-01-15' })).toBe('2028-04-14');
  });

  it('rejects a rhythm that is not a whole number of days', () => {
    expect(() =>
      keepInTouchDueDate({ permission: 'yes', everyDays: 0, lastInteraction: '2026-03-06' }),
    ).toThrow(/everyDays/);
    expect(() =>
      keepInTouchDueDate({ permission: 'yes', everyDays: null, lastInteraction: '2026-03-06' }, 1.5),
    ).toThrow(AppError);
  });
});

describe('draftThankYou', () => {
  it('names one specific thing, what the user will do with it, and thanks', () => {
    const text = draftThankYou({
      firstName: 'Jonas',
      specificThing: 'how the roadmap is set each quarter.',
      nextStep: 'talk to Maria on the data team',
      myName: 'Ana',
    });
    expect(text).toBe(
      'Hi Jonas,\n\nThank you for taking the time to talk with me today. One thing you said has stayed with me: how the roadmap is set each quarter. Here is what I will do with it: talk to Maria on the data team. I will let you know how it goes.\n\nThanks again,\nAna',
    );
  });

  it('uses honest general wording when specifics are missing or blank', () => {
    const text = draftThankYou({ firstName: 'Jonas', specificThing: '  ', nextStep: '' });
    expect(text).toMatch(/^Hi Jonas,/);
    expect(text).toMatch(/gave me a lot to think about/);
    expect(text).toMatch(/put your advice to work/);
    expect(text).not.toMatch(/undefined|about \.|: \./);
    expect(text.endsWith('Thanks again')).toBe(true);
  });

  it('handles a specific thing without a next step, and the other way round', () => {
    const onlySpecific = draftThankYou({ firstName: 'Jonas', specificThing: 'pricing experiments' });
    expect(onlySpecific).toMatch(/One thing you said has stayed with me: pricing experiments\./);
    expect(onlySpecific).toMatch(/put your advice to work/);
    const onlyNext = draftThankYou({ firstName: 'Jonas', nextStep: 'read the book you suggested!' });
    expect(onlyNext).toMatch(/a lot to think about/);
    expect(onlyNext).toMatch(/Here is what I will do with it: read the book you suggested\./);
  });

  it('greets without a name when none is known', () => {
    expect(draftThankYou({ firstName: ' ' })).toMatch(/^Hi there,/);
  });

  it('stays short enough to read at a glance', () => {
    const text = draftThankYou({ firstName: 'Jonas', specificThing: 'x', nextStep: 'y', myName: 'Ana' });
    expect(text.split(/\s+/).length).toBeLessThan(75);
  });
});

describe('highlightFromNotes', () => {
  it('takes the first bullet of the newest note, as plain words', () => {
    expect(
      highlightFromNotes(['**Key points**\n\n- Portfolio matters *more* than certificates.\n- Ask Priya']),
    ).toBe('Portfolio matters more than certificates');
  });

  it('falls back to the first sentence, then to older notes', () => {
    expect(highlightFromNotes(['', 'They hire from [meetups](https://example.org) mostly. Also SQL.'])).toBe(
      'They hire from meetups mostly',
    );
    expect(highlightFromNotes([])).toBeUndefined();
  });

  it('keeps a long highlight short', () => {
    const long = `- ${'word '.repeat(60)}`;
    const h = highlightFromNotes([long])!;
    expect(h.length).toBeLessThanOrEqual(121);
    expect(h.endsWith('…')).toBe(true);
  });
});
