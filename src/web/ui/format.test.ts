import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCount,
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

describe('counts on screen', () => {
  it('group thousands with commas, as English text writes them', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(50_000)).toBe('50,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(-4500)).toBe('-4,500');
    expect(formatCount(1234.5)).toBe('1,234.5');
  });

  it('read as the browser writes them in English, for any count', () => {
    // Spread over every length up to a billion, not picked one by one.
    for (let digits = 1; digits <= 10; digits++) {
      for (let i = 0; i < 20; i++) {
        const n = Math.floor(10 ** (digits - 1) + Math.random() * 9 * 10 ** (digits - 1));
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }
    }
  });
});
