import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { connections } from '../../../test/linkedin-data.js';
import { nextTurn } from '../../domain/steps.js';
import { createPerson, listPeople } from '../people/people.js';
import { applyLinkedInImport } from './import-linkedin.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('a large import while the user keeps working', () => {
  it('answers another request while it matches the file, before it writes', async () => {
    const ctx = await t.otherWorkspace();
    let imported = false;
    const importing = applyLinkedInImport(ctx, connections(8000, { prefix: 'p', organizations: 50 })).then(
      (summary) => {
        imported = true;
        return summary;
      },
    );
    await nextTurn();
    const page = await listPeople({ ...ctx, limit: 1 });
    expect(imported).toBe(false);
    expect(page.total).toBe(0);
    expect((await importing).counts.new).toBe(8000);
  });

  it('matches again when someone is added while it matches, so that person is not made twice', async () => {
    const ctx = await t.otherWorkspace();
    const importing = applyLinkedInImport(ctx, connections(8000, { prefix: 'p', organizations: 50 }));
    await nextTurn();
    // Added by hand while the file is being matched: the import must find her, not add a twin.
    await createPerson({
      ...ctx,
      input: { fullName: 'Ana7999 Silva', linkedinUrl: 'https://www.linkedin.com/in/p-7999' },
    });
    const summary = await importing;
    expect(summary.counts).toMatchObject({ new: 7999, updated: 1 });
    const found = await listPeople({ ...ctx, q: 'Ana7999' });
    expect(found.items.map((p) => p.linkedinUrl)).toEqual(['https://www.linkedin.com/in/p-7999']);
  });
});

describe('a large import leaves short statements behind it', () => {
  it('keeps no more than 256 kB of search entries waiting to be merged in any index of people', async () => {
    // New search entries wait in a pending list, and the statement that fills the list merges all
    // of it, holding every other request meanwhile. At PostgreSQL's 4 MB, an import left lists of
    // hundreds of pages behind, and every few thousand people one statement merged one of them.
    const ctx = await t.otherWorkspace();
    const summary = await applyLinkedInImport(
      ctx,
      connections(8000, { prefix: 'pending', organizations: 50 }),
    );
    expect(summary.counts.new).toBe(8000);
    const indexes = ['people_name_trgm_idx', 'people_filter_trgm_idx', 'people_search_idx'];
    for (const index of indexes) {
      // Merging now returns how many 8 kB pages were waiting; the list may pass its limit by the
      // page being filled.
      const result = await t.handle.db.execute(
        sql`select gin_clean_pending_list(${index}::regclass) as pages`,
      );
      const { pages } = (result as unknown as { rows: [{ pages: number }] }).rows[0];
      expect(Number(pages) * 8, index).toBeLessThanOrEqual(256 + 8);
    }
  });
});
