import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-days.js';
import { AppError } from './errors.js';
import { DEFAULT_FOLLOW_UP_RULES, followUpItems, type RequestFacts } from './follow-up.js';

const paris: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: [] };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', holidays: [] };

/** A request sent on Wednesday 4 March 2026, 10:00 in Paris. */
function request(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    conversationId: 'c1',
    requestedAt: new Date('2026-03-04T09:00:00Z'),
    replyAt: null,
    followUpSentAt: null,
    secondContactAt: null,
    ...overrides,
  };
}

describe('followUpItems (3B7)', () => {
  it('defaults to 3 and 7 business days', () => {
    expect(DEFAULT_FOLLOW_UP_RULES).toEqual({ secondContactAfter: 3, followUpAfter: 7 });
  });

  it('plans a second contact after 3 business days and one follow-up after 7', () => {
    const items = followUpItems(request(), paris);
    expect(
      items.map(({ kind, dueDate, ruleKey, conversationId }) => ({ kind, dueDate, ruleKey, conversationId })),
    ).toEqual([
      { kind: 'second_contact', dueDate: '2026-03-09', ruleKey: 'second_contact:c1', conversationId: 'c1' },
      { kind: 'follow_up', dueDate: '2026-03-13', ruleKey: 'follow_up:c1', conversationId: 'c1' },
    ]);
  });

  it('explains each step in plain words with the number of days', () => {
    const [second, follow] = followUpItems(request(), paris);
    expect(second?.message).toMatch(/3 business days/);
    expect(second?.message).toMatch(/second person/);
    expect(follow?.message).toMatch(/7 business days/);
    expect(follow?.message).toMatch(/one short, friendly follow-up/);
    expect(follow?.message).toMatch(/only one/);
  });

  it('returns nothing once a reply is logged, however late', () => {
    expect(followUpItems(request({ replyAt: new Date('2026-03-05T08:00:00Z') }), paris)).toEqual([]);
    expect(
      followUpItems(
        request({
          replyAt: new Date('2026-04-20T08:00:00Z'),
          secondContactAt: new Date('2026-03-10T08:00:00Z'),
          followUpSentAt: new Date('2026-03-16T08:00:00Z'),
        }),
        paris,
      ),
    ).toEqual([]);
  });

  it('drops the second contact once it is done, keeping the follow-up', () => {
    const items = followUpItems(request({ secondContactAt: new Date('2026-03-09T10:00:00Z') }), paris);
    expect(items.map((i) => i.kind)).toEqual(['follow_up']);
  });

  it('never suggests a second follow-up once one was sent', () => {
    const items = followUpItems(request({ followUpSentAt: new Date('2026-03-13T10:00:00Z') }), paris);
    expect(items.map((i) => i.kind)).toEqual(['second_contact']);
    const both = followUpItems(
      request({
        followUpSentAt: new Date('2026-03-13T10:00:00Z'),
        secondContactAt: new Date('2026-03-09T10:00:00Z'),
      }),
      paris,
    );
    expect(both).toEqual([]);
  });

  it('returns items whether or not they are due yet: the caller filters by date', () => {
    // Sent far in the future relative to any clock: the rule still answers with dates.
    const items = followUpItems(request({ requestedAt: new Date('2030-06-03T09:00:00Z') }), paris);
    expect(items.map((i) => i.dueDate)).toEqual(['2030-06-06', '2030-06-12']);
  });

  it('counts from the local date in the calendar zone', () => {
    // Friday 6 March 22:30 in New York is Saturday 04:30 in Paris.
    const lateFriday = request({ requestedAt: new Date('2026-03-07T03:30:00Z') });
    expect(followUpItems(lateFriday, newYork).map((i) => i.dueDate)).toEqual(['2026-03-11', '2026-03-17']);
    // Thursday 22:30 in New York is already Friday in Paris, which shifts both dates past a weekend.
    const lateThursday = request({ requestedAt: new Date('2026-03-06T03:30:00Z') });
    expect(followUpItems(lateThursday, newYork).map((i) => i.dueDate)).toEqual(['2026-03-10', '2026-03-16']);
    expect(followUpItems(lateThursday, paris).map((i) => i.dueDate)).toEqual(['2026-03-11', '2026-03-17']);
  });

  it('skips weekends and holidays', () => {
    const easter: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: ['2026-04-03', '2026-04-06'] };
    const items = followUpItems(request({ requestedAt: new Date('2026-04-01T08:00:00Z') }), easter);
    expect(items.map((i) => i.dueDate)).toEqual(['2026-04-08', '2026-04-14']);
  });

  it('uses custom rules and words them', () => {
    const items = followUpItems(request(), paris, { secondContactAfter: 1, followUpAfter: 10 });
    expect(items.map((i) => i.dueDate)).toEqual(['2026-03-05', '2026-03-18']);
    expect(items[0]?.message).toMatch(/1 business day:/);
  });

  it('lists items by due date when custom rules put the follow-up first', () => {
    const items = followUpItems(request(), paris, { secondContactAfter: 5, followUpAfter: 2 });
    expect(items.map((i) => i.kind)).toEqual(['follow_up', 'second_contact']);
  });

  it('rejects rules that are not whole, non-negative numbers', () => {
    expect(() => followUpItems(request(), paris, { secondContactAfter: -1, followUpAfter: 7 })).toThrow(
      AppError,
    );
    expect(() => followUpItems(request(), paris, { secondContactAfter: 3, followUpAfter: 2.5 })).toThrow(
      /followUpAfter/,
    );
  });
});
