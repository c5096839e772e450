import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../domain/search-query.js';
import { createNote } from '../conversations/notes.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson } from '../people/people.js';
import { search } from './search.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  const org = await createOrganization({
    ...t.ctx,
    input: { name: 'Brightpath Learning', industry: 'Education' },
  });
  const jonas = await createPerson({
    ...t.ctx,
    input: { fullName: 'Jonas Reiter', title: 'Learning Designer', organizationId: org.id },
  });
  await createPerson({ ...t.ctx, input: { fullName: 'Maya Okafor', title: 'Principal' } });
  await createNote({
    ...t.ctx,
    subject: { personId: jonas.id },
    body: 'Hiring managers look at portfolios before certificates. <script>alert(1)</script>',
  });
  const other = await t.otherWorkspace();
  await createPerson({ ...other, input: { fullName: 'Jonas Elsewhere' } });
});
afterAll(() => t.close());

describe('search', () => {
  it('finds people by a misspelled name', async () => {
    const hits = await search({ ...t.ctx, q: 'jonas reuter' });
    expect(hits[0]).toMatchObject({ type: 'person', title: 'Jonas Reiter' });
    expect(hits[0]?.snippet).toBe('Learning Designer · Brightpath Learning');
  });

  it('matches as you type and highlights the words in notes', async () => {
    const hits = await search({ ...t.ctx, q: 'portfol', types: ['note'] });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.snippet).toContain(`${HIGHLIGHT_START}portfolios${HIGHLIGHT_END}`);
    expect(hits[0]?.personId).toBeTruthy();
  });

  it('filters by type and stays in the workspace', async () => {
    const people = await search({ ...t.ctx, q: 'jonas', types: ['person'] });
    expect(people.map((h) => h.title)).toEqual(['Jonas Reiter']);
    expect((await search({ ...t.ctx, q: 'education', types: ['organization'] }))[0]?.title).toBe(
      'Brightpath Learning',
    );
    expect(await search({ ...t.ctx, q: 'jonas', types: ['question'] })).toEqual([]);
  });

  it('treats query syntax as text and ignores empty queries', async () => {
    expect(await search({ ...t.ctx, q: '   ' })).toEqual([]);
    await expect(search({ ...t.ctx, q: "'); drop table people; --" })).resolves.toBeInstanceOf(Array);
    expect((await search({ ...t.ctx, q: 'maya' }))[0]?.title).toBe('Maya Okafor');
  });
});
