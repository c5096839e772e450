import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createNote } from '../conversations/notes.js';
import { createPerson, getPerson, listPeople } from './people.js';
import { bulkUpdatePeople } from './people-bulk.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function three(prefix: string) {
  const names = ['Ana', 'Ben', 'Cy'].map((n) => `${n} ${prefix}`);
  const out = [];
  for (const fullName of names)
    out.push(await createPerson({ ...t.ctx, input: { fullName, tags: ['alumni'] } }));
  return out;
}

describe('changing many people at once', () => {
  it('tags and untags the chosen people only, counting those that changed', async () => {
    const [a, b, c] = await three('Tagger');
    expect(
      await bulkUpdatePeople({ ...t.ctx, ids: [a!.id, b!.id], change: { action: 'addTag', tag: 'fintech' } }),
    ).toEqual({ affected: 2 });
    // Tagging again changes nobody; the tag is not duplicated.
    expect(
      await bulkUpdatePeople({ ...t.ctx, ids: [a!.id], change: { action: 'addTag', tag: 'fintech' } }),
    ).toEqual({ affected: 0 });
    expect((await getPerson({ ...t.ctx, id: a!.id })).tags).toEqual(['alumni', 'fintech']);
    expect((await getPerson({ ...t.ctx, id: c!.id })).tags).toEqual(['alumni']);
    expect((await listPeople({ ...t.ctx, tag: 'fintech' })).total).toBe(2);

    await bulkUpdatePeople({
      ...t.ctx,
      ids: [a!.id, b!.id, c!.id],
      change: { action: 'removeTag', tag: 'alumni' },
    });
    expect((await getPerson({ ...t.ctx, id: b!.id })).tags).toEqual(['fintech']);
    expect((await getPerson({ ...t.ctx, id: c!.id })).tags).toEqual([]);
  });

  it('sets keep-in-touch, and deletes people with their notes', async () => {
    const [a, b, c] = await three('Keeper');
    await bulkUpdatePeople({
      ...t.ctx,
      ids: [a!.id, b!.id],
      change: { action: 'keepInTouch', keepInTouch: 'yes', everyDays: 60 },
    });
    expect(await getPerson({ ...t.ctx, id: a!.id })).toMatchObject({
      keepInTouch: 'yes',
      keepInTouchEveryDays: 60,
    });
    expect((await getPerson({ ...t.ctx, id: c!.id })).keepInTouch).toBe('unknown');

    await createNote({ ...t.ctx, subject: { personId: a!.id }, body: 'Met at the meetup' });
    expect(await bulkUpdatePeople({ ...t.ctx, ids: [a!.id, b!.id], change: { action: 'delete' } })).toEqual({
      affected: 2,
    });
    expect((await listPeople({ ...t.ctx, q: 'Keeper' })).items.map((p) => p.fullName)).toEqual(['Cy Keeper']);
  });

  it('changes nothing when one of the chosen people is gone or belongs to another workspace', async () => {
    const [a, b] = await three('Atomic');
    const other = await t.otherWorkspace();
    const stranger = await createPerson({ ...other, input: { fullName: 'Elsewhere Person' } });
    await expect(
      bulkUpdatePeople({ ...t.ctx, ids: [a!.id, b!.id, stranger.id], change: { action: 'delete' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPeople({ ...t.ctx, q: 'Atomic' })).total).toBe(3);
    expect((await listPeople({ ...other })).total).toBe(1);
    await expect(bulkUpdatePeople({ ...t.ctx, ids: [], change: { action: 'delete' } })).rejects.toMatchObject(
      {
        code: 'validation',
      },
    );
  });
});
