import { describe, expect, it } from 'vitest';
import {
  draftThankYou,
  insightToQuote,
  quoteFor,
  REPORT_BACK_DAYS,
  reportBackDueDate,
  THANK_YOU_WITHIN_HOURS,
  thankYouDueAt,
  thankYouHint,
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

describe('draftThankYou', () => {
  it('quotes what they said, thanks them for it, says what the user will do, all to them', () => {
    const text = draftThankYou({
      firstName: 'Jonas',
      theySaid: 'the roadmap is set each quarter, so join right after planning',
      willDo: 'talk to Maria on the data team',
      myName: 'Ana',
    });
    expect(text).toBe(
      'Hi Jonas,\n\nThank you for taking the time to talk with me today. Something you told me has stayed with me: “The roadmap is set each quarter, so join right after planning.” Thank you for being so open about it. Here is what I will do with it: talk to Maria on the data team. I will let you know how it goes.\n\nThanks again,\nAna',
    );
  });

  it('stays warm and general without anything they said, and never makes up a quote', () => {
    const text = draftThankYou({ firstName: 'Jonas', theySaid: '  ', willDo: '' });
    expect(text).toMatch(/^Hi Jonas,/);
    expect(text).not.toMatch(/[“”"]|you told me|you said/);
    expect(text).toMatch(/put what I learned to work/);
    expect(text).not.toMatch(/undefined|about \.|: \./);
    expect(text.endsWith('Thanks again')).toBe(true);
  });

  it('handles a quote without a promise, and the other way round', () => {
    const onlySaid = draftThankYou({ firstName: 'Jonas', theySaid: 'pricing experiments pay off' });
    expect(onlySaid).toMatch(/stayed with me: “Pricing experiments pay off\.”/);
    expect(onlySaid).toMatch(/put your advice to work/);
    const onlyNext = draftThankYou({ firstName: 'Jonas', willDo: 'read the book you suggested!' });
    expect(onlyNext).not.toMatch(/“/);
    expect(onlyNext).toMatch(/Here is what I will do with it: read the book you suggested\./);
  });

  it('greets without a name when none is known', () => {
    expect(draftThankYou({ firstName: ' ' })).toMatch(/^Hi there,/);
  });

  it('stays short enough to read at a glance', () => {
    const text = draftThankYou({ firstName: 'Jonas', theySaid: 'x', willDo: 'y', myName: 'Ana' });
    expect(text.split(/\s+/).length).toBeLessThan(75);
  });
});

describe('quoteFor', () => {
  it('speaks to the person: a lead-in about them is dropped', () => {
    expect(quoteFor('Noor said that the best designers watch learners use a draft', 'Noor')).toBe(
      'The best designers watch learners use a draft.',
    );
    expect(quoteFor('She told me: portfolios beat certificates!', 'Noor')).toBe(
      'Portfolios beat certificates!',
    );
    expect(quoteFor('They hire from meetups mostly', 'Noor')).toBe('They hire from meetups mostly.');
  });

  it('keeps only the first paragraph, on one line', () => {
    expect(quoteFor('Ship small.\nOften.\n\nSecond thought', 'A')).toBe('Ship small. Often.');
    expect(quoteFor('   ', 'A')).toBe('');
  });
});

describe('insightToQuote', () => {
  const at = (iso: string) => new Date(iso);
  it('prefers advice, then the earliest, the same every time', () => {
    const credited = [
      { topic: 'culture', body: 'Fridays are quiet', createdAt: at('2026-01-01') },
      { topic: 'advice', body: 'Write weekly', createdAt: at('2026-01-02') },
      { topic: 'advice', body: 'Apply early', createdAt: at('2026-01-02') },
      { topic: 'advice', body: '  ', createdAt: at('2026-01-01') },
    ];
    expect(insightToQuote(credited)?.body).toBe('Apply early');
    expect(insightToQuote([...credited].reverse())?.body).toBe('Apply early');
    expect(insightToQuote([])).toBeUndefined();
  });
});

describe('thankYouHint', () => {
  it('asks for something they said, then for what the user will do, then for nothing', () => {
    expect(thankYouHint({ firstName: 'Jonas' })).toMatch(/^Nothing in the debrief is credited to Jonas yet/);
    expect(thankYouHint({ firstName: 'Jonas', theySaid: 'Apply early' })).toMatch(/what you will do/);
    expect(
      thankYouHint({ firstName: 'Jonas', theySaid: 'Apply early', willDo: 'apply this week' }),
    ).toBeNull();
  });
});
