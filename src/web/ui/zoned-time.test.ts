import { describe, expect, it } from 'vitest';
import { isoToZonedLocal, zonedLocalToIso, zoneOffsetMinutes } from './zoned-time.js';

describe('zonedLocalToIso', () => {
  it('writes a winter time in Paris with +01:00', () => {
    expect(zonedLocalToIso('2026-12-01T14:30', 'Europe/Paris')).toBe('2026-12-01T14:30:00+01:00');
  });

  it('writes a summer time in New York with -04:00', () => {
    expect(zonedLocalToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
  });

  it('keeps half-hour offsets and UTC', () => {
    expect(zonedLocalToIso('2026-03-02T18:45', 'Asia/Kolkata')).toBe('2026-03-02T18:45:00+05:30');
    expect(zonedLocalToIso('2026-03-02T18:45:10', 'UTC')).toBe('2026-03-02T18:45:10+00:00');
  });

  it('names the same instant as the wall-clock time', () => {
    const iso = zonedLocalToIso('2026-12-01T14:30', 'Europe/Paris')!;
    expect(new Date(iso).toISOString()).toBe('2026-12-01T13:30:00.000Z');
  });

  it('moves a time skipped by the spring change forward', () => {
    // Clocks in Paris jump from 02:00 to 03:00 on 29 March 2026.
    expect(zonedLocalToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('reads a time that happens twice in autumn as a real one', () => {
    const iso = zonedLocalToIso('2026-10-25T02:30', 'Europe/Paris')!;
    expect(iso.startsWith('2026-10-25T02:30:00+0')).toBe(true);
  });

  it('returns null for an incomplete value or an unknown zone', () => {
    expect(zonedLocalToIso('', 'Europe/Paris')).toBeNull();
    expect(zonedLocalToIso('2026-12-01', 'Europe/Paris')).toBeNull();
    expect(zonedLocalToIso('2026-12-01T14:30', 'Mars/Olympus')).toBeNull();
  });
});

describe('isoToZonedLocal', () => {
  it('shows an instant on the clock of another zone', () => {
    expect(isoToZonedLocal('2026-12-01T13:30:00.000Z', 'Europe/Paris')).toBe('2026-12-01T14:30');
    expect(isoToZonedLocal('2026-12-01T13:30:00.000Z', 'America/Los_Angeles')).toBe('2026-12-01T05:30');
  });

  it('round-trips with zonedLocalToIso', () => {
    const iso = zonedLocalToIso('2027-01-09T08:05', 'Australia/Sydney')!;
    expect(isoToZonedLocal(iso, 'Australia/Sydney')).toBe('2027-01-09T08:05');
  });

  it('returns an empty value for an invalid instant', () => {
    expect(isoToZonedLocal('not a date', 'UTC')).toBe('');
  });
});

describe('zoneOffsetMinutes', () => {
  it('follows daylight-saving time', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15), 'Europe/Berlin')).toBe(120);
  });
});
