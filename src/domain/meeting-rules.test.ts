import { describe, expect, it } from 'vitest';
import { durationWarnings, isValidTimeZone, meetingEnd, wallClock } from './meeting-rules.js';
import { organizationKey } from './names.js';

describe('meeting rules', () => {
  it('accepts 20 to 45 minutes without advice', () => {
    expect(durationWarnings(20)).toEqual([]);
    expect(durationWarnings(30)).toEqual([]);
    expect(durationWarnings(45)).toEqual([]);
  });

  it('warns above 45 minutes, and the threshold is configurable', () => {
    expect(durationWarnings(46)[0]).toMatch(/46 minutes is long/);
    expect(durationWarnings(40, 35)[0]).toMatch(/35 at most/);
  });

  it('warns when a meeting is too short for questions', () => {
    expect(durationWarnings(10)[0]).toMatch(/little time/);
    expect(durationWarnings(10, 45, 'explore_career')[0]).toMatch(/little time/);
  });

  it('takes a 5–10 minute call after a rejection as a good length, but not less', () => {
    expect(durationWarnings(5, 45, 'rejection_feedback')).toEqual([]);
    expect(durationWarnings(10, 45, 'rejection_feedback')).toEqual([]);
    expect(durationWarnings(3, 45, 'rejection_feedback')[0]).toMatch(/5–10 minutes/);
    expect(durationWarnings(50, 45, 'rejection_feedback')[0]).toMatch(/50 minutes is long/);
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('shows the wall-clock time of an instant in a zone, across daylight-saving changes', () => {
    expect(wallClock(new Date('2026-12-01T13:30:00Z'), 'Europe/Paris')).toBe('2026-12-01T14:30:00');
    expect(wallClock(new Date('2026-07-01T13:30:00Z'), 'Europe/Paris')).toBe('2026-07-01T15:30:00');
    expect(wallClock(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08T03:30:00');
    expect(wallClock(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00');
  });

  it('computes the end of a meeting', () => {
    expect(meetingEnd(new Date('2026-03-29T00:30:00Z'), 30).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('organization names', () => {
  it('matches names that differ in case, accents, punctuation and legal suffix', () => {
    expect(organizationKey('ACME, Inc.')).toBe(organizationKey('Acme Inc'));
    expect(organizationKey('Acme')).toBe(organizationKey('acme gmbh'));
    expect(organizationKey('Société Générale')).toBe('societe generale');
  });

  it('keeps different organizations apart', () => {
    expect(organizationKey('Acme Labs')).not.toBe(organizationKey('Acme'));
  });
});
