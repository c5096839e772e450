import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createApp } from '../../server/app.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { dashboard } from '../results/stats.js';
import { updateSettings } from '../settings/settings.js';
import { logMessage } from './messages.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

/** A Monday; the Monday before, 2026-05-25, is Whit Monday, a holiday in the user's settings. */
const NOW = '2026-06-01T12:00:00Z';

async function asked(name: string, sent: string, replied: string | null) {
  const person = await createPerson({ ...t.ctx, input: { fullName: name } });
  t.clock.set(sent);
  const c = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [person.id] },
  });
  await logMessage({
    ...t.ctx,
    input: {
      personId: person.id,
      conversationId: c.id,
      channel: 'email',
      direction: 'out',
      purpose: 'request',
    },
  });
  if (replied === null) return;
  t.clock.set(replied);
  await logMessage({
    ...t.ctx,
    input: { personId: person.id, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
  });
}

type Groups = { behaviour: string; people: { fullName: string }[] }[];

function labels(groups: Groups): Record<string, string> {
  return Object.fromEntries(groups.flatMap((g) => g.people.map((p) => [p.fullName, g.behaviour])));
}

describe('reply speed labels count business days, like 3B7', () => {
  it("skips weekends and the user's holidays, in the user's time zone", async () => {
    await updateSettings({ ...t.ctx, input: { timeZone: 'Europe/Paris', holidays: ['2026-05-25'] } });
    // Thursday to the next Tuesday: five calendar days but three business days.
    await asked('Tess Thursday', '2026-05-14T09:00:00Z', '2026-05-19T09:00:00Z');
    // Friday to Thursday across a weekend and Whit Monday: three business days.
    await asked('Hana Holiday', '2026-05-22T09:00:00Z', '2026-05-28T09:00:00Z');
    // Sent late on Thursday by the clock of UTC, which is already Friday in Paris.
    await asked('Zoe Zone', '2026-05-14T22:30:00Z', '2026-05-20T10:00:00Z');
    // Four business days: slow whatever the count.
    await asked('Sid Slow', '2026-05-14T09:00:00Z', '2026-05-20T09:00:00Z');
    // Two calendar weeks unanswered, but only nine business days: too early to give up.
    await asked('Pia Pending', '2026-05-18T09:00:00Z', null);
    // Ten business days unanswered.
    await asked('Nel Never', '2026-05-15T09:00:00Z', null);
    t.clock.set(NOW);

    const expected = {
      'Tess Thursday': 'fast_helper',
      'Hana Holiday': 'fast_helper',
      'Zoe Zone': 'fast_helper',
      'Sid Slow': 'slow',
      'Pia Pending': 'unknown',
      'Nel Never': 'never',
    };
    expect(labels((await dashboard(t.ctx)).replyBehaviour)).toEqual(expected);

    const res = await app.request('http://localhost:4310/api/opportunities/dashboard', {
      headers: { host: 'localhost:4310' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replyBehaviour: Groups };
    expect(labels(body.replyBehaviour)).toEqual(expected);
  });
});
