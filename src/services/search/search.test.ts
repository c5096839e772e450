import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../domain/search-query.js';
import { createConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { saveDebrief } from '../debrief/debrief.js';
import { addPlanItem } from '../meetings/plans.js';
import { createOrganization } from '../organizations/organizations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createTask } from '../tasks/tasks.js';
import { search } from './search.js';

let t: TestDb;
let conversationId: string;
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
  const conversation = await createConversation({
    ...t.ctx,
    input: {
      type: 'learn_role',
      participantIds: [jonas.id],
      title: 'Coffee with Jonas about apprenticeships',
      role: 'Learning designer',
    },
  });
  conversationId = conversation.id;
  const plan = await addPlanItem({
    ...t.ctx,
    conversationId,
    section: 'questions',
    text: 'What do you look for in a junior designer?',
  });
  const question = plan.items.find((i) => i.text.startsWith('What do you look for'))!;
  await saveDebrief({
    ...t.ctx,
    conversationId,
    input: {
      summary: 'Jonas recommends the mentoring circle.',
      answers: [{ planItemId: question.id, answer: 'Storyboards and one finished sandbox course' }],
    },
  });
  await createTask({
    ...t.ctx,
    input: { title: 'Send Jonas the onboarding checklist', personId: jonas.id, conversationId },
  });
  await logMessage({
    ...t.ctx,
    input: {
      personId: jonas.id,
      conversationId,
      channel: 'email',
      direction: 'out',
      purpose: 'other',
      body: 'Thanks again, Jonas: the onboarding tips helped.',
    },
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

  it('finds conversations by their title and role', async () => {
    const hits = await search({ ...t.ctx, q: 'apprenticeships' });
    expect(hits).toEqual([
      expect.objectContaining({
        type: 'conversation',
        id: conversationId,
        title: 'Coffee with Jonas about apprenticeships',
        conversationId,
      }),
    ]);
    expect(hits[0]?.snippet).toContain('Learning designer');
  });

  it('finds debrief answers and summaries, listed as debriefs and not as notes', async () => {
    const answers = await search({ ...t.ctx, q: 'storyboard sandbox' });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      type: 'debrief',
      title: 'Coffee with Jonas about apprenticeships',
      conversationId,
    });
    // The question it answers comes with it.
    expect(answers[0]?.snippet).toContain('junior designer');
    expect(answers[0]?.snippet).toContain(`${HIGHLIGHT_START}Storyboards${HIGHLIGHT_END}`);

    const summary = await search({ ...t.ctx, q: 'mentoring' });
    expect(summary.map((h) => h.type)).toEqual(['debrief']);
    expect(await search({ ...t.ctx, q: 'mentoring', types: ['note'] })).toEqual([]);
    expect((await search({ ...t.ctx, q: 'mentoring', types: ['debrief'] })).map((h) => h.type)).toEqual([
      'debrief',
    ]);
  });

  it('finds tasks by their title, naming who and what they are for', async () => {
    const hits = await search({ ...t.ctx, q: 'checklist' });
    expect(hits).toEqual([
      expect.objectContaining({ type: 'task', title: 'Send Jonas the onboarding checklist', conversationId }),
    ]);
    expect(hits[0]?.snippet).toBe('Jonas Reiter · Coffee with Jonas about apprenticeships');
  });

  it('lists each record once, titled by what it is about rather than by its type', async () => {
    const hits = await search({ ...t.ctx, q: 'jonas', limit: 100 });
    const keys = hits.map((h) => `${h.type}:${h.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(hits.map((h) => h.type))).toEqual(
      new Set(['person', 'conversation', 'debrief', 'task', 'message']),
    );
    for (const hit of hits) {
      expect(hit.title.toLowerCase(), `a ${hit.type} titled by its type`).not.toBe(hit.type);
      expect(hit.title).not.toMatch(/^(Note|Message|Insight|Question|Debrief|Task)$/);
    }
    // A note is titled by whom it is about.
    expect((await search({ ...t.ctx, q: 'portfolios' }))[0]).toMatchObject({
      type: 'note',
      title: 'Jonas Reiter',
    });
    expect(hits.find((h) => h.type === 'message')?.title).toBe('To Jonas Reiter');
  });

  it('reads conversations, tasks and debrief answers through their own full-text indexes', async () => {
    // Few rows make a scan cheapest; with scans priced out, the plan shows which index serves.
    await t.ctx.db.execute(sql`set enable_seqscan = off`);
    try {
      for (const [table, index] of [
        ['conversations', 'conversations_search_idx'],
        ['tasks', 'tasks_search_idx'],
        ['plan_items', 'plan_items_search_idx'],
      ]) {
        const explain = async (where: ReturnType<typeof sql>) => {
          const plan = await t.ctx.db.execute(sql`explain select id from ${sql.raw(table!)} where ${where}`);
          return (plan as unknown as { rows: Record<string, string>[] }).rows
            .map((r) => Object.values(r).join(' '))
            .join('\n');
        };
        const words = sql`search @@ to_tsquery('english', 'onboard:*')`;
        // The search itself, within a workspace: never a scan of the whole table.
        expect(await explain(sql`workspace_id = ${t.ctx.workspaceId} and ${words}`), table).not.toContain(
          'Seq Scan',
        );
        // The words alone go through the table's full-text index.
        expect(await explain(words), table).toContain(index);
      }
    } finally {
      await t.ctx.db.execute(sql`reset enable_seqscan`);
    }
  });
});
