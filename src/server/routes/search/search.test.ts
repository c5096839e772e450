import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { createConversation } from '../../../services/conversations/conversations.js';
import { saveDebrief } from '../../../services/debrief/debrief.js';
import { addPlanItem } from '../../../services/meetings/plans.js';
import { createPerson } from '../../../services/people/people.js';
import { createTask } from '../../../services/tasks/tasks.js';

let t: TestDb;
let send: Send;

beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

const get = (path: string) => send('GET', path);

interface Hit {
  type: string;
  id: string;
  title: string;
  conversationId: string | null;
}

describe('search over the API', () => {
  it('finds conversations, debrief answers and tasks, each once, and filters by those types', async () => {
    const person = await createPerson({ ...t.ctx, input: { fullName: 'Rosa Quintero' } });
    const conversation = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [person.id], title: 'Rosa on hydrology careers' },
    });
    const plan = await addPlanItem({
      ...t.ctx,
      conversationId: conversation.id,
      section: 'questions',
      text: 'Which tools do you use every day?',
    });
    const item = plan.items.find((i) => i.text.startsWith('Which tools'))!;
    await saveDebrief({
      ...t.ctx,
      conversationId: conversation.id,
      input: { answers: [{ planItemId: item.id, answer: 'Mostly hydrology models and QGIS' }] },
    });
    await createTask({
      ...t.ctx,
      input: { title: 'Read the hydrology report Rosa sent', conversationId: conversation.id },
    });

    const res = await get('/api/search?q=hydrology');
    expect(res.status).toBe(200);
    const hits = (await res.json()) as Hit[];
    expect(hits.map((h) => h.type).sort()).toEqual(['conversation', 'debrief', 'task']);
    expect(new Set(hits.map((h) => h.id)).size).toBe(3);
    for (const h of hits) expect(h.conversationId).toBe(conversation.id);

    const tasks = (await (await get('/api/search?q=hydrology&types=task,debrief')).json()) as Hit[];
    expect(tasks.map((h) => h.type).sort()).toEqual(['debrief', 'task']);
    expect((await get('/api/search?q=hydrology&types=meeting')).status).toBe(400);
  });
});
