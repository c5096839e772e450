import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { people } from '../../db/schema.js';
import { createOrganization } from '../organizations/organizations.js';
import { SUMMARY_COUNT_CAP, workspaceSummary } from './summary.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('workspace summary', () => {
  it('counts exactly up to 10,000 and says "more" past it, without counting every row', async () => {
    const { ctx } = t;
    expect(await workspaceSummary(ctx)).toMatchObject({
      counts: { people: 0, organizations: 0, conversations: 0 },
      countsAreCapped: { people: false, organizations: false, conversations: false },
    });
    await createOrganization({ ...ctx, input: { name: 'Acme' } });
    await ctx.db.insert(people).values(
      Array.from({ length: SUMMARY_COUNT_CAP + 1 }, (_, i) => ({
        workspaceId: ctx.workspaceId,
        fullName: `Person ${i}`,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })),
    );
    expect(await workspaceSummary(ctx)).toMatchObject({
      counts: { people: SUMMARY_COUNT_CAP, organizations: 1, conversations: 0 },
      countsAreCapped: { people: true, organizations: false, conversations: false },
    });
    // At the cap itself the count is still exact.
    await ctx.db
      .delete(people)
      .where(and(eq(people.workspaceId, ctx.workspaceId), eq(people.fullName, 'Person 0')));
    expect(await workspaceSummary(ctx)).toMatchObject({
      counts: { people: SUMMARY_COUNT_CAP },
      countsAreCapped: { people: false },
    });
  });
});
