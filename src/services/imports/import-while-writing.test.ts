import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { connections } from '../../../test/linkedin-data.js';
import { probeWhile } from '../../../test/probe.js';
import { listPeople } from '../people/people.js';
import { applyLinkedInImport } from './import-linkedin.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('a large import while the user keeps working', () => {
  it('answers other requests while it writes the people, each after a short wait', async () => {
    const ctx = await t.otherWorkspace();
    let progress = { done: 0, total: 0 };
    const {
      result: summary,
      longest,
      answeredDuring,
      took,
    } = await probeWhile(
      () =>
        applyLinkedInImport(ctx, {
          ...connections(6000, { prefix: 'w', organizations: 50 }),
          onProgress: (p) => {
            progress = p;
          },
        }),
      () => listPeople({ ...ctx, limit: 1 }),
      { during: () => progress.done > 0 && progress.done < progress.total },
    );
    expect(summary.counts.new).toBe(6000);
    expect((await listPeople({ ...ctx, limit: 1 })).total).toBe(1000);
    // Some answers came while some people were written and others not yet.
    expect(answeredDuring).toBeGreaterThan(0);
    // No request waited for the whole import, nor, on a busy machine, for long.
    expect(longest).toBeLessThan(Math.min(1500, took / 3));
  }, 120_000);
});
