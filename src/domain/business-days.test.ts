import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  atLocalTime,
  type BusinessCalendar,
  businessDaysBetween,
  isBusinessDay,
  localDate,
  previousBusinessDay,
  startOfLocalDay,
} from './business-days.js';
import { AppError } from './errors.js';

const paris: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: [] };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', holidays: [] };
const utc: BusinessCalendar = { timeZone: 'UTC', holidays: [] };
/** Easter 2026 in France: Good Friday is not a holiday there, but here it is, to test a Friday. */
const easter: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: ['2026-04-03', '2026-04-06'] };

describe('localDate', () => {
  it('gives the calendar date in the requested zone, not the runtime zone', () => {
    const instant = new Date('2026-03-07T03:30:00Z');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-06');
    expect(localDate(instant, 'Europe/Paris')).toBe('2026-03-07');
    expect(localDate(instant, 'UTC')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-06T23:59:59.999Z'), 'UTC')).toBe('2026-03-06');
  });

  it('follows daylight saving time in Paris', () => {
    // Spring forward on 2026-03-29 at 01:00 UTC (02:00 → 03:00 local).
    expect(localDate(new Date('2026-03-28T22:59:00Z'), 'Europe/Paris')).toBe('2026-03-28');
    expect(localDate(new Date('2026-03-28T23:00:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-29T21:59:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-29T22:00:00Z'), 'Europe/Paris')).toBe('2026-03-30');
    // Fall back on 2026-10-25: the day ends at 23:00 UTC instead of 22:00.
    expect(localDate(new Date('2026-10-25T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-25T23:00:00Z'), 'Europe/Paris')).toBe('2026-10-26');
  });

  it('follows daylight saving time in New York', () => {
    expect(localDate(new Date('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09');
    expect(localDate(new Date('2026-11-02T04:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDate(new Date('2026-11-02T05:00:00Z'), 'America/New_York')).toBe('2026-11-02');
  });

  it('reads the same wall clock as Intl gives part by part, in zones with odd offsets and changes', () => {
    const zones = [
      'UTC',
      'Pacific/Auckland',
      'America/Los_Angeles',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Pacific/Kiritimati',
      'Europe/Dublin',
    ];
    const byParts = (instant: Date, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(instant);
      const get = (type: string) => parts.find((p) => p.type === type)!.value;
      return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
    };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (instant, zone) => localDate(instant, zone) === byParts(instant, zone),
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses unknown zones and invalid instants with a validation error', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(AppError);
    expect(() => localDate(new Date('nope'), 'UTC')).toThrow(/not a valid date/);
  });
});

describe('isBusinessDay', () => {
  it('counts Monday to Friday and skips weekends', () => {
    expect(isBusinessDay('2026-03-06', paris)).toBe(true); // Friday
    expect(isBusinessDay('2026-03-07', paris)).toBe(false); // Saturday
    expect(isBusinessDay('2026-03-08', paris)).toBe(false); // Sunday
    expect(isBusinessDay('2026-03-09', paris)).toBe(true); // Monday
  });

  it('skips configured holidays, including one on a Friday', () => {
    expect(isBusinessDay('2026-04-03', easter)).toBe(false);
    expect(isBusinessDay('2026-04-06', easter)).toBe(false);
    expect(isBusinessDay('2026-04-07', easter)).toBe(true);
    expect(isBusinessDay('2026-04-03', paris)).toBe(true);
  });

  it('knows the leap day', () => {
    expect(isBusinessDay('2028-02-29', utc)).toBe(true); // Tuesday
    expect(() => isBusinessDay('2027-02-29', utc)).toThrow(AppError);
  });

  it('rejects strings that are not dates', () => {
    expect(() => isBusinessDay('2026-13-01', utc)).toThrow(/YYYY-MM-DD/);
    expect(() => isBusinessDay('06/03/2026', utc)).toThrow(/YYYY-MM-DD/);
    expect(() => isBusinessDay('2026-02-30', utc)).toThrow(/YYYY-MM-DD/);
  });
});

describe('addBusinessDays', () => {
  it('does not count the start date and skips the weekend', () => {
    expect(addBusinessDays('2026-03-04', 1, paris)).toBe('2026-03-05'); // Wed → Thu
    expect(addBusinessDays('2026-03-06', 1, paris)).toBe('2026-03-09'); // Fri → Mon
    expect(addBusinessDays('2026-03-06', 3, paris)).toBe('2026-03-11'); // Fri → Wed
    expect(addBusinessDays('2026-03-06', 7, paris)).toBe('2026-03-17'); // Fri → Tue next week
    expect(addBusinessDays('2026-03-07', 1, paris)).toBe('2026-03-09'); // Sat → Mon
    expect(addBusinessDays('2026-03-08', 5, paris)).toBe('2026-03-13'); // Sun → Fri
  });

  it('returns the date itself for n = 0, even on a weekend', () => {
    expect(addBusinessDays('2026-03-06', 0, paris)).toBe('2026-03-06');
    expect(addBusinessDays('2026-03-07', 0, paris)).toBe('2026-03-07');
  });

  it('refuses negative or fractional n', () => {
    expect(() => addBusinessDays('2026-03-06', -1, paris)).toThrow(AppError);
    expect(() => addBusinessDays('2026-03-06', 1.5, paris)).toThrow(/whole number/);
    expect(() => addBusinessDays('2026-03-06', Number.NaN, paris)).toThrow(AppError);
  });

  it('skips holidays, including a Friday holiday before a weekend', () => {
    // Thu 2 April + 1: Good Friday, the weekend and Easter Monday are all skipped.
    expect(addBusinessDays('2026-04-02', 1, easter)).toBe('2026-04-07');
    expect(addBusinessDays('2026-04-01', 3, easter)).toBe('2026-04-08');
    expect(addBusinessDays('2026-04-01', 3, paris)).toBe('2026-04-06');
  });

  it('ignores a holiday that falls on a weekend', () => {
    const july: BusinessCalendar = { timeZone: 'America/New_York', holidays: ['2026-07-04'] };
    expect(addBusinessDays('2026-07-02', 2, july)).toBe('2026-07-06');
  });

  it('ignores duplicated and malformed holidays', () => {
    const messy: BusinessCalendar = { timeZone: 'UTC', holidays: ['2026-03-09', '2026-03-09', 'soon'] };
    expect(addBusinessDays('2026-03-06', 1, messy)).toBe('2026-03-10');
  });

  it('crosses month and year ends', () => {
    expect(addBusinessDays('2026-01-30', 1, paris)).toBe('2026-02-02');
    expect(addBusinessDays('2026-02-27', 3, paris)).toBe('2026-03-04');
    const newYear: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: ['2026-12-25', '2027-01-01'] };
    expect(addBusinessDays('2026-12-31', 1, newYear)).toBe('2027-01-04');
    expect(addBusinessDays('2026-12-24', 3, newYear)).toBe('2026-12-30');
    expect(addBusinessDays('2026-12-24', 7, newYear)).toBe('2027-01-06');
  });

  it('steps onto and over the leap day', () => {
    expect(addBusinessDays('2028-02-28', 1, utc)).toBe('2028-02-29');
    expect(addBusinessDays('2028-02-25', 3, utc)).toBe('2028-03-01');
    expect(addBusinessDays('2027-02-26', 1, utc)).toBe('2027-03-01');
  });

  it('is unaffected by daylight saving changes, which only shift hours', () => {
    expect(addBusinessDays('2026-03-27', 1, paris)).toBe('2026-03-30');
    expect(addBusinessDays('2026-10-23', 1, paris)).toBe('2026-10-26');
    expect(addBusinessDays('2026-03-06', 1, newYork)).toBe('2026-03-09');
    expect(addBusinessDays('2026-10-30', 1, newYork)).toBe('2026-11-02');
  });
});

describe('businessDaysBetween', () => {
  it('counts the business days after the start date up to and including the end date', () => {
    const wed = new Date('2026-03-04T10:00:00Z');
    expect(businessDaysBetween(wed, new Date('2026-03-04T18:00:00Z'), utc)).toBe(0);
    expect(businessDaysBetween(wed, new Date('2026-03-05T00:00:00Z'), utc)).toBe(1);
    expect(businessDaysBetween(wed, new Date('2026-03-07T12:00:00Z'), utc)).toBe(2); // Sat
    expect(businessDaysBetween(wed, new Date('2026-03-09T08:00:00Z'), utc)).toBe(3); // Mon
    expect(businessDaysBetween(wed, new Date('2026-03-13T08:00:00Z'), utc)).toBe(7); // Fri
  });

  it('is 0 when the end is not after the start', () => {
    const t = new Date('2026-03-04T10:00:00Z');
    expect(businessDaysBetween(t, t, utc)).toBe(0);
    expect(businessDaysBetween(t, new Date('2026-03-01T10:00:00Z'), utc)).toBe(0);
  });

  it('agrees with addBusinessDays over long ranges, weekends and holidays', () => {
    const cal: BusinessCalendar = {
      timeZone: 'Europe/Paris',
      holidays: ['2026-04-03', '2026-04-06', '2026-05-01', '2026-07-04', '2026-12-25', '2027-01-01'],
    };
    const from = new Date('2026-03-20T09:00:00Z');
    for (const n of [1, 3, 7, 10, 40, 100, 200]) {
      const due = addBusinessDays(localDate(from, cal.timeZone), n, cal);
      const atNoon = new Date(`${due}T12:00:00Z`);
      expect(businessDaysBetween(from, atNoon, cal)).toBe(n);
    }
  });

  it('subtracts holidays on weekdays only, and only inside the range', () => {
    const thu = new Date('2026-04-02T12:00:00Z');
    const tue = new Date('2026-04-07T12:00:00Z');
    expect(businessDaysBetween(thu, tue, paris)).toBe(3);
    expect(businessDaysBetween(thu, tue, easter)).toBe(1);
    const weekendHoliday: BusinessCalendar = { timeZone: 'UTC', holidays: ['2026-04-04', '2026-04-02'] };
    expect(businessDaysBetween(thu, tue, weekendHoliday)).toBe(3);
  });

  it('counts local dates across a daylight saving change', () => {
    // Friday noon to Monday 00:30 in Paris, over the night the clocks go forward.
    const fri = new Date('2026-03-27T11:00:00Z');
    expect(businessDaysBetween(fri, new Date('2026-03-29T22:30:00Z'), paris)).toBe(1);
    expect(businessDaysBetween(fri, new Date('2026-03-29T21:30:00Z'), paris)).toBe(0);
    // The autumn change in New York: Monday 00:30 EST is 05:30 UTC.
    const nyFri = new Date('2026-10-30T16:00:00Z');
    expect(businessDaysBetween(nyFri, new Date('2026-11-02T05:30:00Z'), newYork)).toBe(1);
    expect(businessDaysBetween(nyFri, new Date('2026-11-02T04:30:00Z'), newYork)).toBe(0);
  });

  it('counts in the calendar zone: late Friday in New York is already Saturday in Paris', () => {
    // Sent Friday 6 March 2026, 22:30 in New York = Saturday 04:30 in Paris.
    const sentAt = new Date('2026-03-07T03:30:00Z');
    expect(localDate(sentAt, newYork.timeZone)).toBe('2026-03-06');
    expect(localDate(sentAt, paris.timeZone)).toBe('2026-03-07');
    expect(isBusinessDay(localDate(sentAt, newYork.timeZone), newYork)).toBe(true);
    expect(isBusinessDay(localDate(sentAt, paris.timeZone), paris)).toBe(false);

    // Monday 9:00 in New York is 15:00 in Paris: one business day in both, since weekends do not count.
    const monday = new Date('2026-03-09T13:00:00Z');
    expect(businessDaysBetween(sentAt, monday, newYork)).toBe(1);
    expect(businessDaysBetween(sentAt, monday, paris)).toBe(1);

    // A Monday holiday in the contact's country only affects the Paris count.
    const parisMondayOff: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: ['2026-03-09'] };
    expect(businessDaysBetween(sentAt, monday, parisMondayOff)).toBe(0);

    // Sent Thursday 22:30 in New York (Friday in Paris), the due dates differ by a whole weekend.
    const thursdayNight = new Date('2026-03-06T03:30:00Z');
    expect(addBusinessDays(localDate(thursdayNight, newYork.timeZone), 1, newYork)).toBe('2026-03-06');
    expect(addBusinessDays(localDate(thursdayNight, paris.timeZone), 1, paris)).toBe('2026-03-09');
  });
});

describe('atLocalTime', () => {
  it('gives the instant a local clock reads a time, on either side of a clock change', () => {
    expect(atLocalTime('2026-11-24', 10, 0, 'Europe/Paris').toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(atLocalTime('2026-07-14', 10, 0, 'Europe/Paris').toISOString()).toBe('2026-07-14T08:00:00.000Z');
    expect(atLocalTime('2026-03-09', 14, 30, 'America/New_York').toISOString()).toBe(
      '2026-03-09T18:30:00.000Z',
    );
    expect(atLocalTime('2026-11-24', 9, 15, 'Asia/Kolkata').toISOString()).toBe('2026-11-24T03:45:00.000Z');
    expect(atLocalTime('2026-11-24', 23, 0, 'UTC').toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('refuses a time that is not on a clock', () => {
    expect(() => atLocalTime('2026-11-24', 24, 0, 'UTC')).toThrow(AppError);
    expect(() => atLocalTime('2026-11-24', 9, 60, 'UTC')).toThrow(AppError);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight on ordinary days', () => {
    expect(startOfLocalDay('2026-03-06', 'UTC').toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-06', 'Europe/Paris').toISOString()).toBe('2026-03-05T23:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Asia/Kolkata').toISOString()).toBe('2026-06-30T18:30:00.000Z');
  });

  it('handles the Paris clock changes: a 23-hour and a 25-hour day', () => {
    const springStart = startOfLocalDay('2026-03-29', 'Europe/Paris');
    const springEnd = startOfLocalDay('2026-03-30', 'Europe/Paris');
    expect(springStart.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(springEnd.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(springEnd.getTime() - springStart.getTime()).toBe(23 * 3_600_000);

    const autumnStart = startOfLocalDay('2026-10-25', 'Europe/Paris');
    const autumnEnd = startOfLocalDay('2026-10-26', 'Europe/Paris');
    expect(autumnStart.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumnEnd.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(autumnEnd.getTime() - autumnStart.getTime()).toBe(25 * 3_600_000);
  });

  it('handles the New York clock changes', () => {
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('gives the first valid instant when midnight itself was skipped (São Paulo, 2018)', () => {
    // Summer time began at 00:00 on 4 November 2018: clocks jumped straight to 01:00 (-02:00).
    const start = startOfLocalDay('2018-11-04', 'America/Sao_Paulo');
    expect(start.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(localDate(start, 'America/Sao_Paulo')).toBe('2018-11-04');
    expect(localDate(new Date(start.getTime() - 1), 'America/Sao_Paulo')).toBe('2018-11-03');
  });

  it('picks the single midnight when summer time ended at midnight (São Paulo, 2019)', () => {
    // On 17 February 2019 clocks went from 00:00 back to 23:00 on the 16th, so the 16th ran 25 hours.
    expect(startOfLocalDay('2019-02-17', 'America/Sao_Paulo').toISOString()).toBe('2019-02-17T03:00:00.000Z');
    expect(startOfLocalDay('2019-02-16', 'America/Sao_Paulo').toISOString()).toBe('2019-02-16T02:00:00.000Z');
  });

  it('always lands on the requested local date', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      for (const date of [
        '2026-01-01',
        '2026-03-08',
        '2026-03-29',
        '2026-04-05',
        '2026-10-04',
        '2026-11-01',
      ]) {
        const start = startOfLocalDay(date, zone);
        expect(localDate(start, zone)).toBe(date);
        expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addCalendarDays(date, -1));
      }
    }
  });

  it('rejects bad dates and zones', () => {
    expect(() => startOfLocalDay('2026-02-30', 'UTC')).toThrow(AppError);
    expect(() => startOfLocalDay('2026-03-01', 'Nowhere/City')).toThrow(/time zone/);
  });
});

describe('addCalendarDays', () => {
  it('adds and subtracts days across month and year ends', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(addCalendarDays('2026-03-01', 90)).toBe('2026-05-30');
  });

  it('knows leap years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2028-02-29', 365)).toBe('2029-02-28');
  });

  it('is not shifted by daylight saving changes', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('rejects fractional days and bad dates', () => {
    expect(() => addCalendarDays('2026-03-01', 0.5)).toThrow(AppError);
    expect(() => addCalendarDays('March 1', 1)).toThrow(AppError);
  });
});

describe('previousBusinessDay', () => {
  it('steps back over the weekend and holidays', () => {
    const cal = { holidays: ['2026-12-25'] };
    expect(previousBusinessDay('2026-11-24', cal)).toBe('2026-11-23'); // Tuesday → Monday
    expect(previousBusinessDay('2026-11-30', cal)).toBe('2026-11-27'); // Monday → Friday
    expect(previousBusinessDay('2026-11-29', cal)).toBe('2026-11-27'); // Sunday → Friday
    expect(previousBusinessDay('2026-12-28', cal)).toBe('2026-12-24'); // over a Friday holiday
  });
});
