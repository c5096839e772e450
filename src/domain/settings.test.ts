import { describe, expect, it } from 'vitest';
import { readSettings } from './settings.js';

describe('workspace settings', () => {
  it('defaults to the method numbers', () => {
    const s = readSettings(undefined);
    expect(s.activeTargets).toBe(5);
    expect(s.requestWarnWords).toBe(75);
    expect(s.requestStrongWords).toBe(100);
    expect(s.meetingWarnMinutes).toBe(45);
    expect(s.secondContactAfterBusinessDays).toBe(3);
    expect(s.followUpAfterBusinessDays).toBe(7);
    expect(s.keepInTouchDefaultDays).toBe(90);
    expect(s.holidays).toEqual([]);
  });

  it('keeps valid stored values and drops invalid ones', () => {
    const s = readSettings({ activeTargets: 8, requestWarnWords: 'lots', holidays: ['2026-12-25'] });
    expect(s.activeTargets).toBe(8);
    expect(s.requestWarnWords).toBe(75);
    expect(s.holidays).toEqual(['2026-12-25']);
  });
});
