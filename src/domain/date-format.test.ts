import { describe, expect, it } from 'vitest';
import { formatDateIn, formatDateTimeIn, formatWithTheirTime, placeOfZone } from './date-format.js';

const paris = { timeZone: 'Europe/Paris', locale: 'en-GB' };
// 13:30 UTC on a Tuesday in December: 14:30 in Paris, 8:30 in New York.
const meeting = new Date('2026-12-08T13:30:00Z');

describe('one date style', () => {
  it("writes an instant on the user's clock, in their language", () => {
    expect(formatDateTimeIn(meeting, paris)).toBe('Tue, 8 Dec 2026, 14:30');
    expect(formatDateTimeIn(meeting, { timeZone: 'America/New_York', locale: 'en-US' })).toMatch(
      /^Tue, Dec 8, 2026, 8:30\sAM$/,
    );
    expect(formatDateIn(meeting, { timeZone: 'Pacific/Auckland', locale: 'en-GB' })).toBe('Wed, 9 Dec 2026');
  });

  it("leaves out this year's year", () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(formatDateTimeIn(meeting, { ...paris, now })).toBe('Tue 8 Dec, 14:30');
    expect(formatDateTimeIn(new Date('2027-01-05T09:00:00Z'), { ...paris, now })).toBe(
      'Tue, 5 Jan 2027, 10:00',
    );
  });

  it("puts the contact's time beside the user's when their clock differs", () => {
    expect(formatWithTheirTime(meeting, 'America/New_York', paris)).toBe(
      'Tue, 8 Dec 2026, 14:30 (8:30 in New York)',
    );
    // Another zone on the same clock adds nothing.
    expect(formatWithTheirTime(meeting, 'Europe/Berlin', paris)).toBe('Tue, 8 Dec 2026, 14:30');
    expect(formatWithTheirTime(meeting, null, paris)).toBe('Tue, 8 Dec 2026, 14:30');
  });

  it('names their day when it is another day there', () => {
    const early = new Date('2026-12-08T01:00:00Z');
    expect(formatWithTheirTime(early, 'America/Los_Angeles', paris)).toBe(
      'Tue, 8 Dec 2026, 2:00 (Mon 17:00 in Los Angeles)',
    );
  });

  it('never fails on a zone it does not know, and names zones by their place', () => {
    expect(formatDateTimeIn(meeting, { timeZone: 'Mars/Olympus', locale: 'en-GB' })).toBe(
      'Tue, 8 Dec 2026, 13:30',
    );
    expect(placeOfZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(placeOfZone('UTC')).toBe('UTC');
  });
});
