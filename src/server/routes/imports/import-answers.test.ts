import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { probeWhile } from '../../../../test/probe.js';
import { createApp } from '../../app.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/** A contacts file of `n` cards, as a phone exports them (a few lines each, a note, folded lines). */
function contacts(n: number): string {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    cards.push(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:Ana${i} Silva`,
        `N:Silva;Ana${i};;;`,
        `EMAIL;TYPE=INTERNET,WORK:ana${i}@example.com`,
        `ORG:Acme ${i % 50}`,
        'TITLE:Analyst',
        'TEL;TYPE=CELL:+1 555 0100',
        `NOTE:Met at the meetup; asked about the hiring plan and the team and the road`,
        '  map for next year.',
        'END:VCARD',
      ].join('\r\n'),
    );
  }
  return cards.join('\r\n');
}

describe('reading a large contacts file while the user keeps working', () => {
  it('answers other requests while it reads and matches a .vcf file', async () => {
    const ctx = await t.otherWorkspace();
    const app = createApp({ context: () => ctx, webDir: null });
    const request = (path: string, init: RequestInit = {}) =>
      app.request(`http://localhost/api${path}`, { ...init, headers: { host: 'localhost', ...init.headers } });
    const form = new FormData();
    form.set('file', new File([contacts(40_000)], 'contacts.vcf', { type: 'text/vcard' }));

    const { result, longest, waits } = await probeWhile(
      async () => request('/imports/vcard/preview', { method: 'POST', body: form }),
      async () => (await request('/people?limit=1')).arrayBuffer(),
    );
    expect(result.status).toBe(200);
    expect(((await result.json()) as { counts: { new: number } }).counts.new).toBe(40_000);
    expect(waits.length).toBeGreaterThan(5);
    console.log('PROBE', Math.round(longest));
    expect(longest).toBeLessThan(1000);
  }, 180_000);
});
