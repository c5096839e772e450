import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createPerson } from '../services/people.js';
import { analyzeIfNeeded } from './maintenance.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('planner statistics', () => {
  it('analyzes tables that have data but no statistics, then has nothing left to do', async () => {
    for (let i = 0; i < 5; i++) await createPerson({ ...t.ctx, input: { fullName: `Stat ${i}` } });
    const first = await analyzeIfNeeded(t.handle, { all: true });
    expect(first).toContain('people');
    expect(await analyzeIfNeeded(t.handle)).not.toContain('people');
  });
});
