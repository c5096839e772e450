import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { countTasks, createTask, listTasks, updateTask } from './tasks.js';

let t: TestDb;
let ada: { id: string };
let conversationId: string;

// The test clock starts on Monday 2026-11-23 at 09:00 UTC.
beforeAll(async () => {
  t = await openTestDb();
  ada = await createPerson({ ...t.ctx, input: { fullName: 'Ada Lovelace' } });
  const conv = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [ada.id], title: 'Coffee with Ada' },
  });
  conversationId = conv.id;
  const add = (title: string, extra: Omit<Parameters<typeof createTask>[0]['input'], 'title'> = {}) =>
    createTask({ ...t.ctx, input: { title, ...extra } });
  await add('Send Ada the article', {
    kind: 'promise_mine',
    dueOn: '2026-11-20',
    personId: ada.id,
    conversationId,
  });
  await add('Ada sends her team’s reading list', {
    kind: 'promise_theirs',
    dueOn: '2026-11-23',
    personId: ada.id,
  });
  await add('Update the CV', { dueOn: '2026-11-30' });
  await add('Tidy the target list');
  const done = await add('Tell Ada how the interview went', {
    kind: 'report_back',
    dueOn: '2026-11-10',
    personId: ada.id,
  });
  await updateTask({ ...t.ctx, id: done.id, input: { done: true } });
});
afterAll(() => t.close());

describe('the list of every task', () => {
  it('shows open tasks by due date, undated last, with names and whether each is late or due today', async () => {
    const list = await listTasks(t.ctx);
    expect(list.map((x) => [x.title, x.overdue, x.dueToday])).toEqual([
      ['Send Ada the article', true, false],
      ['Ada sends her team’s reading list', false, true],
      ['Update the CV', false, false],
      ['Tidy the target list', false, false],
    ]);
    expect(list[0]).toMatchObject({ personName: 'Ada Lovelace', conversationTitle: 'Coffee with Ada' });
    expect(list[2]).toMatchObject({ personName: null, conversationTitle: null });
  });

  it('filters by open, done or all; by kind; and by person', async () => {
    expect((await listTasks({ ...t.ctx, state: 'done' })).map((x) => x.title)).toEqual([
      'Tell Ada how the interview went',
    ]);
    const all = await listTasks({ ...t.ctx, state: 'all' });
    expect(all).toHaveLength(5);
    // A task that is done is never late, whatever its date.
    expect(all.at(-1)).toMatchObject({ title: 'Tell Ada how the interview went', overdue: false });
    expect((await listTasks({ ...t.ctx, includeDone: true })).length).toBe(5);
    expect((await listTasks({ ...t.ctx, taskKind: 'promise_theirs' })).map((x) => x.title)).toEqual([
      'Ada sends her team’s reading list',
    ]);
    expect(
      (await listTasks({ ...t.ctx, personId: ada.id, state: 'all' })).map((x) => x.title).sort(),
    ).toEqual([
      'Ada sends her team’s reading list',
      'Send Ada the article',
      'Tell Ada how the interview went',
    ]);
    expect(await countTasks({ ...t.ctx, personId: ada.id })).toBe(2);
    expect(await countTasks({ ...t.ctx, state: 'all' })).toBe(5);
  });

  it('pages through the list in order, and counts the whole list', async () => {
    const first = await listTasks({ ...t.ctx, limit: 3, offset: 0 });
    const second = await listTasks({ ...t.ctx, limit: 3, offset: 3 });
    expect([...first, ...second].map((x) => x.title)).toEqual((await listTasks(t.ctx)).map((x) => x.title));
    expect(second).toHaveLength(1);
    expect(await countTasks(t.ctx)).toBe(4);
  });

  it('counts "today" on the user’s clock', async () => {
    // 09:00 UTC on the 23rd is still the 22nd in Honolulu: the promise due on the 23rd is not due yet.
    await updateSettings({ ...t.ctx, input: { timeZone: 'Pacific/Honolulu' } });
    const list = await listTasks(t.ctx);
    expect(list.find((x) => x.title === 'Ada sends her team’s reading list')).toMatchObject({
      overdue: false,
      dueToday: false,
    });
    await updateSettings({ ...t.ctx, input: { timeZone: 'UTC' } });
  });

  it('never shows another workspace’s tasks', async () => {
    const other = await t.otherWorkspace();
    expect(await listTasks({ ...other, state: 'all' })).toEqual([]);
    expect(await countTasks({ ...other, state: 'all' })).toBe(0);
  });
});
