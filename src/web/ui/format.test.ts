import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatWithTheirs,
  setUserTimeZone,
  userTimeZone,
} from './format.js';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
afterEach(() => setUserTimeZone(browserZone));

describe('times on screen', () => {
  it("are read on the user's clock from Settings, not the browser's", () => {
    setUserTimeZone('Asia/Tokyo');
    expect(userTimeZone()).toBe('Asia/Tokyo');
    // 23:30 UTC on 7 December is already the 8th at 08:30 in Tokyo.
    const text = formatDateTime('2026-12-07T23:30:00Z');
    expect(text).toMatch(/8/);
    expect(text).toMatch(/8:30|08:30/);
    expect(text).not.toMatch(/23:30|11:30/);
  });

  it("show the contact's time beside the user's where they differ", () => {
    setUserTimeZone('Europe/Paris');
    expect(formatWithTheirs('2026-12-08T13:30:00Z', 'America/New_York')).toMatch(
      /\(8:30\s?(AM)? in New York\)$/,
    );
    expect(formatWithTheirs('2026-12-08T13:30:00Z', 'Europe/Paris')).not.toContain(' in ');
  });

  it('write a calendar date as the same day everywhere, and nothing for nonsense', () => {
    setUserTimeZone('Pacific/Honolulu');
    expect(formatDay('2026-03-12')).toMatch(/12/);
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDay('12/03/2026')).toBe('');
  });

  it('write a week on a chart axis as its day and month, without the year', () => {
    setUserTimeZone('Pacific/Honolulu');
    const label = formatDayMonth('2026-03-09');
    expect(label).toMatch(/\b9\b/);
    expect(label).toMatch(/Mar/);
    expect(label).not.toMatch(/2026/);
    expect(formatDayMonth('next week')).toBe('');
  });
});
