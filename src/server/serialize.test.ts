import { describe, expect, it } from 'vitest';
import { serialize } from './serialize.js';

describe('serialize', () => {
  it('writes dates as ISO strings, drops internal columns and undefined values, as JSON would', () => {
    const out = serialize({
      at: new Date('2026-12-01T13:30:00Z'),
      workspaceId: 'w',
      search: "'x':1",
      nested: [{ nameKey: 'acme', name: 'Acme', gone: undefined }, undefined],
      n: null,
    });
    expect(out).toEqual({ at: '2026-12-01T13:30:00.000Z', nested: [{ name: 'Acme' }, null], n: null });
    expect(JSON.stringify(out)).toBe(
      '{"at":"2026-12-01T13:30:00.000Z","nested":[{"name":"Acme"},null],"n":null}',
    );
  });
});
