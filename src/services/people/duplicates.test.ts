import { eq, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, stamps, type TestDb } from '../../../test/db.js';
import * as schema from '../../db/schema.js';
import {
  conversationParticipants,
  conversations,
  duplicateDismissals,
  insights,
  introductions,
  messages,
  notes,
  opportunities,
  opportunitySources,
  reminderStates,
  tasks,
} from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
} from '../organizations/organizations.js';
import { comparePeople, dismissPair, listDuplicates } from './duplicates.js';
import { listMerges, mergePeople, undoMerge } from './merge-people.js';
import { createPerson, getPerson, type PersonInput, touchPeople, updatePerson } from './people.js';
import { foreignKeysToPeople, personReferences, RULE_NAMES } from './person-references.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/** Each test gets a workspace of its own, so duplicates from one test do not show in another. */
async function freshWorkspace(): Promise<Ctx> {
  return t.otherWorkspace();
}

const person = (c: Ctx, input: PersonInput) => createPerson({ ...c, input });

/** Every row of every table, in a stable order, to compare the database before and after. */
async function dumpAll(c: Ctx): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const value of Object.values(schema)) {
    let name: string;
    try {
      name = getTableConfig(value as PgTable).name;
    } catch {
      continue;
    }
    if (!name || name === 'merges') continue;
    const result = await c.db.execute(
      sql`select (to_jsonb(t) - 'search')::text as row from ${sql.raw(`"${name}"`)} t order by 1`,
    );
    out[name] = (result as unknown as { rows: { row: string }[] }).rows.map((r) => r.row);
  }
  return out;
}

/** Two people with a history each, sharing a conversation, a tag, an introducer and an introduction. */
async function twoWithHistories(c: Ctx) {
  const org = await createOrganization({ ...c, input: { name: `Acme ${Math.random()}` } });
  const intro = await person(c, { fullName: 'Ivy Introducer' });
  const kept = await person(c, {
    fullName: 'Ana Silva',
    email: 'ana@example.com',
    organizationId: org.id,
    tags: ['design', 'alumni'],
    notes: 'Met at the meetup.',
  });
  const other = await person(c, {
    fullName: 'Ana S.',
    email: ' ANA@example.com',
    phone: '+351 900',
    tags: ['design', 'mentor'],
    notes: 'Likes coffee.',
  });
  const ws = c.workspaceId;
  const [shared] = await c.db
    .insert(conversations)
    .values({ ...stamps(t.clock.now()), workspaceId: ws, title: 'Both', type: 'explore_career' })
    .returning();
  const [own] = await c.db
    .insert(conversations)
    .values({ ...stamps(t.clock.now()), workspaceId: ws, title: 'Own', type: 'explore_career' })
    .returning();
  await c.db.insert(conversationParticipants).values([
    { conversationId: shared!.id, personId: kept.id, position: 0 },
    { conversationId: shared!.id, personId: other.id, position: 1 },
    { conversationId: own!.id, personId: other.id, position: 0 },
  ]);
  const at = new Date('2026-11-01T10:00:00Z');
  await c.db.insert(messages).values([
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      personId: other.id,
      conversationId: own!.id,
      channel: 'email',
      direction: 'out',
      at,
      body: 'Hello',
    },
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      personId: kept.id,
      channel: 'email',
      direction: 'in',
      at,
      body: 'Hi',
    },
  ]);
  await c.db.insert(notes).values([
    { ...stamps(t.clock.now()), workspaceId: ws, personId: other.id, body: 'A note about Ana S.' },
    { ...stamps(t.clock.now()), workspaceId: ws, personId: kept.id, body: 'A note about Ana Silva' },
  ]);
  await c.db.insert(introductions).values([
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      introducerId: intro.id,
      introducedId: kept.id,
      note: 'kept',
    },
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      introducerId: intro.id,
      introducedId: other.id,
      note: 'dropped on merge',
    },
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      introducerId: other.id,
      introducedId: kept.id,
      note: 'self once merged',
    },
  ]);
  await c.db
    .insert(tasks)
    .values({ ...stamps(t.clock.now()), workspaceId: ws, title: 'Send the article', personId: other.id });
  await c.db
    .insert(insights)
    .values({ ...stamps(t.clock.now()), workspaceId: ws, personId: other.id, topic: 'trends', body: 'AI' });
  const [opp] = await c.db
    .insert(opportunities)
    .values({
      ...stamps(t.clock.now()),
      workspaceId: ws,
      kind: 'referral',
      title: 'Job',
      occurredOn: '2026-11-01',
    })
    .returning();
  await c.db.insert(opportunitySources).values([
    { opportunityId: opp!.id, personId: other.id },
    { opportunityId: opp!.id, personId: kept.id },
  ]);
  await c.db.insert(reminderStates).values([
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      ruleKey: `keep_in_touch:${other.id}:2026-12-01`,
      state: 'dismissed',
    },
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      ruleKey: `thank_you:${shared!.id}:${other.id}`,
      state: 'done',
    },
    {
      ...stamps(t.clock.now()),
      workspaceId: ws,
      ruleKey: `thank_you:${shared!.id}:${kept.id}`,
      state: 'done',
    },
  ]);
  const stranger = await person(c, { fullName: 'Sam Stranger' });
  await c.db
    .insert(duplicateDismissals)
    .values({ ...stamps(t.clock.now()), workspaceId: ws, personAId: other.id, personBId: stranger.id });
  return { kept, other, intro, stranger, shared: shared!, own: own! };
}

describe('person references', () => {
  it('has a merge rule for every foreign key to people, and no rule without one', () => {
    // A new foreign key to people.id fails here until person-references.ts says how to move it.
    const found = foreignKeysToPeople()
      .map((f) => `${f.tableName}.${f.column}`)
      .sort();
    expect(found).toEqual([...RULE_NAMES].sort());
    expect(() => personReferences()).not.toThrow();
  });
});

describe('finding duplicates', () => {
  it('proposes people with the same e-mail, profile URL, or a similar name at the same organization', async () => {
    const c = await freshWorkspace();
    const org = await createOrganization({ ...c, input: { name: 'Lumen' } });
    const other = await createOrganization({ ...c, input: { name: 'Other' } });
    await person(c, { fullName: 'Ana Silva', email: 'Ana@Example.com ' });
    await person(c, { fullName: 'Ana Sousa', email: 'ana@example.com' });
    await person(c, { fullName: 'Bo Li', linkedinUrl: 'https://www.linkedin.com/in/boli/' });
    await person(c, { fullName: 'Bo Lee', linkedinUrl: 'linkedin.com/in/BoLi?trk=x' });
    await person(c, { fullName: 'Jonathan Smith', organizationId: org.id });
    await person(c, { fullName: 'Jon Smith', organizationId: org.id });
    await person(c, { fullName: 'J. Smith', organizationId: other.id });
    await person(c, { fullName: 'José Núñez', organizationId: org.id });
    await person(c, { fullName: 'Jose Nunez', organizationId: org.id });
    await person(c, { fullName: 'Kim Smith', organizationId: org.id });
    await person(c, { fullName: 'Maria Gonzalez', organizationId: org.id });
    await person(c, { fullName: 'Maria Gonzales', organizationId: org.id });
    await person(c, { fullName: 'Maria Gomez', organizationId: org.id });
    const { items, total } = await listDuplicates(c);
    const seen = items.map((p) => [[p.a.fullName, p.b.fullName].sort().join(' / '), p.labels]);
    expect(total).toBe(5);
    // The fuller name comes first: it is the one offered to keep.
    expect(items.find((p) => p.b.fullName === 'Jon Smith')?.a.fullName).toBe('Jonathan Smith');
    expect(seen).toEqual(
      expect.arrayContaining([
        ['Ana Silva / Ana Sousa', ['Same e-mail']],
        ['Bo Lee / Bo Li', ['Same LinkedIn profile']],
        [expect.stringMatching(/Jon Smith \/ Jonathan Smith/), [expect.stringContaining('a short form')]],
        // Found through both name groupings, listed once.
        ['Jose Nunez / José Núñez', [expect.stringContaining('accents')]],
        ['Maria Gonzales / Maria Gonzalez', [expect.stringContaining('last names one letter apart')]],
      ]),
    );
  });

  it('groups people by the same keys the rules compare: any script, any way of writing a profile URL', async () => {
    const c = await freshWorkspace();
    const org = await createOrganization({ ...c, input: { name: 'Северсталь' } });
    // A profile on a country subdomain, or with its name percent-encoded, is the same profile.
    await person(c, { fullName: 'Lena Park', linkedinUrl: 'https://de.linkedin.com/in/lenapark' });
    await person(c, { fullName: 'L. Park', linkedinUrl: 'linkedin.com/in/LenaPark/' });
    await person(c, { fullName: 'José Ortega', linkedinUrl: 'https://www.linkedin.com/in/jos%C3%A9-ortega' });
    await person(c, { fullName: 'Jose Ortega', linkedinUrl: 'https://linkedin.com/in/josé-ortega?trk=pp' });
    // Names outside the Latin alphabet, and letters no short list of accents covers.
    await person(c, { fullName: 'Иван Петров', organizationId: org.id });
    await person(c, { fullName: 'иван петров', organizationId: org.id });
    await person(c, { fullName: 'Nguyễn Văn An', organizationId: org.id });
    await person(c, { fullName: 'Nguyen An', organizationId: org.id });
    await person(c, { fullName: 'Ivan Petrov', organizationId: org.id });
    const seen = (await listDuplicates(c)).items.map((p) => [
      [p.a.fullName, p.b.fullName].sort().join(' / '),
      p.labels,
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['L. Park / Lena Park', ['Same LinkedIn profile']],
        ['Jose Ortega / José Ortega', expect.arrayContaining(['Same LinkedIn profile'])],
        ['Иван Петров / иван петров', [expect.stringContaining('Same name')]],
        ['Nguyen An / Nguyễn Văn An', [expect.stringContaining('same first and last name')]],
      ]),
    );
    expect(seen).toHaveLength(4);
  });

  it('finds a pair however far apart the two people are among thousands', async () => {
    const c = await freshWorkspace();
    const at = c.now().toISOString();
    // 2,500 people, read in several pages: the pair is the first and the last of them by id.
    await c.db.execute(sql`insert into people (id, workspace_id, full_name, email, created_at, updated_at)
      select gen_random_uuid(), ${c.workspaceId}, 'Person ' || n, 'person' || n || '@example.com', ${at}, ${at}
      from generate_series(1, 2500) n`);
    await c.db.execute(sql`insert into people (id, workspace_id, full_name, email, created_at, updated_at)
      values ('00000000-0000-4000-8000-000000000001', ${c.workspaceId}, 'Quinn Early', 'quinn@example.com', ${at}, ${at}),
        ('ffffffff-ffff-4fff-bfff-ffffffffffff', ${c.workspaceId}, 'Quinn Late', ' Quinn@Example.com', ${at}, ${at})`);
    const { items, total } = await listDuplicates(c);
    expect(total).toBe(1);
    expect(items[0]!.labels).toEqual(['Same e-mail']);
  });

  it('does not propose a pair marked "not the same person", and only in its own workspace', async () => {
    const c = await freshWorkspace();
    const a = await person(c, { fullName: 'Pat Doe', email: 'pat@example.com' });
    const b = await person(c, { fullName: 'Pat Roe', email: 'pat@example.com' });
    expect((await listDuplicates(c)).total).toBe(1);
    await dismissPair({ ...c, aId: b.id, bId: a.id });
    await dismissPair({ ...c, aId: a.id, bId: b.id });
    expect((await listDuplicates(c)).total).toBe(0);
    const elsewhere = await freshWorkspace();
    await expect(dismissPair({ ...elsewhere, aId: a.id, bId: b.id })).rejects.toThrow(/No person/);
  });

  it('sees an edit at once, even within the same instant (the clock here does not move)', async () => {
    const c = await freshWorkspace();
    await person(c, { fullName: 'Cy One', email: 'cy@example.com' });
    const b = await person(c, { fullName: 'Cy Two', email: 'other@example.com' });
    expect((await listDuplicates(c)).total).toBe(0);
    await updatePerson({ ...c, id: b.id, version: b.version, input: { email: 'CY@example.com' } });
    expect((await listDuplicates(c)).total).toBe(1);
  });

  it('shows an organization renamed or removed at once (the clock here does not move)', async () => {
    const c = await freshWorkspace();
    const org = await createOrganization({ ...c, input: { name: 'Lumen' } });
    await person(c, { fullName: 'Jonathan Smith', organizationId: org.id });
    await person(c, { fullName: 'Jon Smith', organizationId: org.id });
    expect((await listDuplicates(c)).items.map((p) => p.a.organizationName)).toEqual(['Lumen']);
    await updateOrganization({ ...c, id: org.id, version: org.version, input: { name: 'Lumen Labs' } });
    expect((await listDuplicates(c)).items.map((p) => p.a.organizationName)).toEqual(['Lumen Labs']);
    // Without their organization the two names are no longer a likely pair.
    await deleteOrganization({ ...c, id: org.id });
    expect((await listDuplicates(c)).total).toBe(0);
  });

  it('compares two people side by side with how much history each has', async () => {
    const c = await freshWorkspace();
    const { kept, other } = await twoWithHistories(c);
    const cmp = await comparePeople({ ...c, keptId: kept.id, otherId: other.id });
    expect(cmp.reasons).toEqual(['Same e-mail']);
    expect(cmp.counts.other).toEqual({ conversations: 2, messages: 1, notes: 1, introductions: 2, tasks: 1 });
    const phone = cmp.fields.find((f) => f.field === 'phone')!;
    expect(phone).toMatchObject({ differs: true, defaultChoice: 'merged', otherText: '+351 900' });
  });
});

describe('merging', () => {
  it('moves everything to the kept person, drops what they already had, and deletes the other', async () => {
    const c = await freshWorkspace();
    const { kept, other, intro, stranger, shared, own } = await twoWithHistories(c);
    const result = await mergePeople({
      ...c,
      input: { keptId: kept.id, mergedId: other.id, keptVersion: kept.version, mergedVersion: other.version },
    });
    expect(result.moved).toMatchObject({ messages: 1, notes: 1, tasks: 1, insights: 1, person_tags: 1 });
    expect(result.dropped).toMatchObject({ person_tags: 1, conversation_participants: 1, introductions: 2 });
    await expect(getPerson({ ...c, id: other.id })).rejects.toThrow(/No person/);
    const after = await getPerson({ ...c, id: kept.id });
    expect(after.tags).toEqual(['alumni', 'design', 'mentor']);
    expect(after.phone).toBe('+351 900');
    expect(after.notes).toBe('Met at the meetup.\n\nFrom Ana S.:\nLikes coffee.');
    const cmp = await comparePeople({ ...c, keptId: kept.id, otherId: intro.id });
    expect(cmp.counts.kept).toEqual({ conversations: 2, messages: 2, notes: 2, introductions: 1, tasks: 1 });
    const participants = await c.db.execute(
      sql`select conversation_id from conversation_participants where person_id = ${kept.id} order by 1`,
    );
    expect((participants as unknown as { rows: unknown[] }).rows).toHaveLength(2);
    expect([shared.id, own.id]).toHaveLength(2);
    const keys = await c.db.select({ k: reminderStates.ruleKey }).from(reminderStates);
    expect(keys.map((r) => r.k)).toContain(`keep_in_touch:${kept.id}:2026-12-01`);
    expect(keys.map((r) => r.k).some((k) => k.includes(other.id))).toBe(false);
    // The "not the same person" answer about the merged person now holds for the kept one.
    await person(c, { fullName: 'Sam Stranger2', email: 'ana@example.com' });
    const pairs = await listDuplicates(c);
    expect(pairs.items.some((p) => [p.a.id, p.b.id].includes(stranger.id))).toBe(false);
    expect((await listMerges({ ...c, personId: kept.id }))[0]).toMatchObject({
      mergedName: 'Ana S.',
      undoneAt: null,
    });
  });

  it('follows the user’s field choices', async () => {
    const c = await freshWorkspace();
    const a = await person(c, { fullName: 'Lee Park', title: 'Engineer' });
    const b = await person(c, { fullName: 'Lee Park', title: 'Manager' });
    await mergePeople({ ...c, input: { keptId: a.id, mergedId: b.id, choices: { title: 'merged' } } });
    expect((await getPerson({ ...c, id: a.id })).title).toBe('Manager');
  });

  it('refuses a merge based on a stale version, and writes nothing', async () => {
    const c = await freshWorkspace();
    const a = await person(c, { fullName: 'Rae One' });
    const b = await person(c, { fullName: 'Rae Two' });
    await updatePerson({ ...c, id: b.id, version: b.version, input: { title: 'Changed' } });
    const err = await mergePeople({
      ...c,
      input: { keptId: a.id, mergedId: b.id, keptVersion: a.version, mergedVersion: b.version },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('stale');
    expect((await getPerson({ ...c, id: b.id })).title).toBe('Changed');
    await expect(mergePeople({ ...c, input: { keptId: a.id, mergedId: a.id } })).rejects.toThrow(
      /two different/,
    );
  });
});

describe('undo', () => {
  it('puts back every row exactly as it was before the merge', async () => {
    const c = await freshWorkspace();
    const { kept, other } = await twoWithHistories(c);
    const before = await dumpAll(c);
    const { mergeId } = await mergePeople({ ...c, input: { keptId: kept.id, mergedId: other.id } });
    expect(await dumpAll(c)).not.toEqual(before);
    await undoMerge({ ...c, mergeId });
    expect(await dumpAll(c)).toEqual(before);
    await expect(undoMerge({ ...c, mergeId })).rejects.toThrow(/already undone/);
  });

  it('is refused when the kept person was deleted or edited since', async () => {
    const c = await freshWorkspace();
    const a = await person(c, { fullName: 'Uma One' });
    const b = await person(c, { fullName: 'Uma Two' });
    const m1 = await mergePeople({ ...c, input: { keptId: a.id, mergedId: b.id } });
    const current = await getPerson({ ...c, id: a.id });
    await updatePerson({ ...c, id: a.id, version: current.version, input: { title: 'Edited' } });
    await expect(undoMerge({ ...c, mergeId: m1.mergeId })).rejects.toThrow(/edited after the merge/);
    const d = await person(c, { fullName: 'Uma Three' });
    await mergePeople({ ...c, input: { keptId: d.id, mergedId: a.id } });
    await expect(undoMerge({ ...c, mergeId: m1.mergeId })).rejects.toThrow(/can no longer be undone/);
  });

  it('is refused, changing nothing, when something it would put back is gone', async () => {
    const c = await freshWorkspace();
    const { kept, other, shared } = await twoWithHistories(c);
    const { mergeId } = await mergePeople({ ...c, input: { keptId: kept.id, mergedId: other.id } });
    await c.db.delete(conversations).where(eq(conversations.id, shared.id));
    const before = await dumpAll(c);
    const err = await undoMerge({ ...c, mergeId }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).userMessage).toMatch(/can no longer be undone exactly/);
    expect(await dumpAll(c)).toEqual(before);
  });

  it('keeps an interaction logged with the kept person after the merge', async () => {
    const c = await freshWorkspace();
    const a = await person(c, { fullName: 'Vi One' });
    const b = await person(c, { fullName: 'Vi Two' });
    const { mergeId } = await mergePeople({ ...c, input: { keptId: a.id, mergedId: b.id } });
    await touchPeople(c, [a.id], new Date('2026-11-20T08:00:00Z'));
    await undoMerge({ ...c, mergeId });
    expect((await getPerson({ ...c, id: a.id })).lastInteractionAt?.toISOString()).toBe(
      '2026-11-20T08:00:00.000Z',
    );
    expect((await getPerson({ ...c, id: b.id })).lastInteractionAt).toBeNull();
  });

  it('restores any random history exactly (property)', async () => {
    const c = await freshWorkspace();
    const helper = await person(c, { fullName: 'Helper Person' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          tagsA: fc.subarray(['x', 'y', 'z']),
          tagsB: fc.subarray(['x', 'y', 'z']),
          shared: fc.boolean(),
          introBoth: fc.boolean(),
          introBetween: fc.constantFrom('none', 'a->b', 'b->a'),
          messagesB: fc.nat(3),
          emailB: fc.option(fc.constantFrom('b@example.com', ''), { nil: undefined }),
        }),
        async (r) => {
          const a = await person(c, { fullName: 'Prop A', tags: r.tagsA });
          const b = await person(c, { fullName: 'Prop B', tags: r.tagsB, email: r.emailB ?? null });
          const [conv] = await c.db
            .insert(conversations)
            .values({
              ...stamps(t.clock.now()),
              workspaceId: c.workspaceId,
              title: 'P',
              type: 'explore_career',
            })
            .returning();
          await c.db
            .insert(conversationParticipants)
            .values([
              { conversationId: conv!.id, personId: b.id },
              ...(r.shared ? [{ conversationId: conv!.id, personId: a.id, position: 1 }] : []),
            ]);
          if (r.introBoth) {
            await c.db.insert(introductions).values([
              {
                ...stamps(t.clock.now()),
                workspaceId: c.workspaceId,
                introducerId: helper.id,
                introducedId: a.id,
              },
              {
                ...stamps(t.clock.now()),
                workspaceId: c.workspaceId,
                introducerId: helper.id,
                introducedId: b.id,
              },
            ]);
          }
          if (r.introBetween !== 'none') {
            const [x, y] = r.introBetween === 'a->b' ? [a, b] : [b, a];
            await c.db.insert(introductions).values({
              ...stamps(t.clock.now()),
              workspaceId: c.workspaceId,
              introducerId: x.id,
              introducedId: y.id,
            });
          }
          for (let i = 0; i < r.messagesB; i++) {
            await c.db.insert(messages).values({
              ...stamps(t.clock.now()),
              workspaceId: c.workspaceId,
              personId: b.id,
              channel: 'email',
              direction: 'out',
              at: new Date(),
            });
          }
          const before = await dumpAll(c);
          const { mergeId } = await mergePeople({ ...c, input: { keptId: a.id, mergedId: b.id } });
          await undoMerge({ ...c, mergeId });
          expect(await dumpAll(c)).toEqual(before);
        },
      ),
      { numRuns: 8 },
    );
  });
});
