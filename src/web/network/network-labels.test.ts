import { describe, expect, it } from 'vitest';
import { hopsLabel, nextIntroductionState, percent, strengthLabel, todayIso } from './network-labels.js';

describe('nextIntroductionState', () => {
  it('walks asked → made → met → thanked and stops there', () => {
    expect(nextIntroductionState('asked')).toBe('made');
    expect(nextIntroductionState('made')).toBe('met');
    expect(nextIntroductionState('met')).toBe('thanked');
    expect(nextIntroductionState('thanked')).toBeNull();
  });
});

describe('labels', () => {
  it('names the distance of a warm path', () => {
    expect(hopsLabel(0)).toBe('Direct contact');
    expect(hopsLabel(1)).toBe('1 introduction away');
    expect(hopsLabel(2)).toBe('2 introductions away');
  });

  it('reads strength in words, treating a broken number as no contact', () => {
    expect(strengthLabel(0)).toBe('no recent contact');
    expect(strengthLabel(Number.NaN)).toBe('no recent contact');
    expect(strengthLabel(0.2)).toBe('weak');
    expect(strengthLabel(0.5)).toBe('fair');
    expect(strengthLabel(0.9)).toBe('strong');
  });

  it('writes rates as whole percentages and unknown rates as a dash', () => {
    expect(percent(0.4167)).toBe('42 %');
    expect(percent(1.5)).toBe('150 %');
    expect(percent(null)).toBe('—');
  });

  it('writes a local date as the API expects', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
