import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createPerson } from '../people/people.js';
import { saveDebrief } from './debrief.js';
import { thankYouDraft } from './thank-you.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const SUMMARY = 'Priya was warmer than Omar. I think I talked too much; Omar seemed rushed.';

/** A meeting with three people, debriefed with insights credited to two of them and promises to each. */
async function debriefedMeeting() {
  const [priya, omar, lee] = await Promise.all(
    ['Priya Raman', 'Omar Haddad', 'Lee Quiet'].map((fullName) =>
      createPerson({ ...t.ctx, input: { fullName } }),
    ),
  );
  const c = await createConversation({
    ...t.ctx,
    input: { type: 'learn_company', participantIds: [priya!.id, omar!.id, lee!.id] },
  });
  await scheduleMeeting({
    ...t.ctx,
    conversationId: c.id,
    input: {
      startsAt: new Date('2026-11-20T10:00:00Z'),
      timeZone: 'UTC',
      medium: 'video',
      alreadyHappened: true,
    },
  });
  await saveDebrief({
    ...t.ctx,
    conversationId: c.id,
    input: {
      summary: SUMMARY,
      insights: [
        { topic: 'culture', body: 'Teams pick their own tools every spring', personId: priya!.id },
        {
          topic: 'advice',
          body: 'Priya said that a short case study beats a long portfolio',
          personId: priya!.id,
        },
        { topic: 'hiring_process', body: 'Omar reads every cover letter himself', personId: omar!.id },
      ],
      promises: [
        { owner: 'mine', title: 'rewrite my portfolio as one case study', personId: priya!.id },
        { owner: 'mine', title: 'send Omar the article on hiring funnels', personId: omar!.id },
        { owner: 'theirs', title: 'introduce me to the design lead', personId: omar!.id },
      ],
    },
  });
  return { c, priya: priya!, omar: omar!, lee: lee! };
}

describe('thank-you drafts from the debrief', () => {
  it('quote what each person said, thank them, say what I will do, and keep my summary out', async () => {
    const { c, priya, omar, lee } = await debriefedMeeting();
    const toPriya = await thankYouDraft({ ...t.ctx, conversationId: c.id, personId: priya.id });
    const toOmar = await thankYouDraft({ ...t.ctx, conversationId: c.id, personId: omar.id });
    const toLee = await thankYouDraft({ ...t.ctx, conversationId: c.id, personId: lee.id });

    // Priya's advice, written to her ("you"), not about her.
    expect(toPriya.body).toMatch(/^Hi Priya,/);
    expect(toPriya.body).toContain('you told me');
    expect(toPriya.body).toContain('“A short case study beats a long portfolio.”');
    expect(toPriya.body).not.toContain('Priya said');
    expect(toPriya.body).toContain('Here is what I will do with it: rewrite my portfolio as one case study.');
    expect(toPriya.body).toMatch(/Thank you/);
    expect(toPriya.hint).toBeNull();

    // Omar gets his own words and my promise to him — none of Priya's.
    expect(toOmar.body).toContain('“Omar reads every cover letter himself.”');
    expect(toOmar.body).toContain('send Omar the article on hiring funnels');
    expect(toOmar.body).not.toContain('case study');
    expect(toPriya.body).not.toContain('cover letter');
    expect(toOmar.body).not.toBe(toPriya.body);

    // Nobody's draft carries the private summary, or a promise they made to me.
    for (const draft of [toPriya, toOmar, toLee]) {
      expect(draft.body).not.toContain('warmer than');
      expect(draft.body).not.toContain('talked too much');
      expect(draft.body).not.toContain('introduce me to the design lead');
    }

    // Lee said nothing that was credited: a warm note with no made-up quote, and a nudge to add one.
    expect(toLee.body).toMatch(/^Hi Lee,/);
    expect(toLee.body).not.toMatch(/[“”]|you told me/);
    expect(toLee.body).toMatch(/Thank you for taking the time/);
    expect(toLee.hint).toMatch(/^Nothing in the debrief is credited to Lee yet/);
  });
});
