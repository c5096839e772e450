import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { findOrCreateOrganization } from '../organizations/organizations.js';
import { createPerson, getPerson, updatePerson } from '../people/people.js';
import { updatePeople } from './import-people-write.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('updatePeople', () => {
  it('writes each person only the fields planned for them, and never what the user edited meanwhile', async () => {
    const ctx = await t.otherWorkspace();
    const ana = await createPerson({ ...ctx, input: { fullName: 'Ana Silva', title: 'Analyst' } });
    const ben = await createPerson({ ...ctx, input: { fullName: 'Ben Okafor', title: 'Engineer' } });
    const cleo = await createPerson({
      ...ctx,
      input: { fullName: 'Cleo Park', location: 'Lyon', notes: 'Met at the fair' },
    });
    await findOrCreateOrganization({ ...ctx, name: 'Initech' });
    // Planned before the user retitled Ana by hand: the import must not undo that edit.
    await updatePerson({ ...ctx, id: ana.id, input: { title: 'Head of data' } });

    const written: number[] = [];
    await updatePeople(
      ctx,
      [
        { id: ana.id, title: 'Senior Analyst', connectedOn: '2021-03-04' },
        { id: ben.id, connectedOn: '2019-11-30', organizationKey: 'initech' },
        { id: cleo.id, location: 'Paris', notes: 'From the export' },
      ],
      (n) => written.push(n),
    );

    expect(written.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await getPerson({ ...ctx, id: ana.id })).toMatchObject({
      title: 'Head of data',
      connectedOn: '2021-03-04',
      version: 3,
    });
    expect(await getPerson({ ...ctx, id: ben.id })).toMatchObject({
      title: 'Engineer',
      connectedOn: '2019-11-30',
      organizationName: 'Initech',
      version: 2,
    });
    // Notes the user wrote stay; the location LinkedIn owns is updated.
    expect(await getPerson({ ...ctx, id: cleo.id })).toMatchObject({
      location: 'Paris',
      notes: 'Met at the fair',
      version: 2,
    });
  });
});
