import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { QUESTION_BANK, TIARA_TOPICS } from '../../../domain/question-bank.js';
import { CONVERSATION_TYPES } from '../../../domain/vocab.js';
import { createConversation } from '../../../services/conversations/conversations.js';
import { scheduleMeeting } from '../../../services/meetings/meetings.js';
import { createPerson } from '../../../services/people/people.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

interface PlanBody {
  durationMinutes: number;
  totalMinutes: number;
  items: { section: string; text: string; minutes: number }[];
}

const topicOf = new Map(QUESTION_BANK.map((q) => [q.text, q.topic]));

describe('POST /api/preparation/plans/{id}/propose', () => {
  it.each([20, 30, 45])(
    'ends every %i-minute proposal on who else and what next, with three TIARA topics and time to spare',
    async (durationMinutes) => {
      for (const type of CONVERSATION_TYPES) {
        const p = await createPerson({ ...t.ctx, input: { fullName: `API ${type} ${durationMinutes}` } });
        const c = await createConversation({ ...t.ctx, input: { type, participantIds: [p.id] } });
        await scheduleMeeting({
          ...t.ctx,
          conversationId: c.id,
          input: {
            startsAt: new Date('2026-12-03T15:00:00Z'),
            timeZone: 'UTC',
            medium: 'phone',
            durationMinutes,
          },
        });
        const res = await send('POST', `/api/preparation/plans/${c.id}/propose`, {});
        expect(res.status).toBe(200);
        const plan = (await res.json()) as PlanBody;
        const label = `${type} ${durationMinutes}`;
        const closing = plan.items.slice(-3);
        expect(
          closing.every((i) => i.section === 'next_steps'),
          label,
        ).toBe(true);
        expect(closing.map((i) => i.text).join('\n'), label).toMatch(
          /^Who else would you suggest I speak with/m,
        );
        expect(closing.map((i) => i.text).join('\n'), label).toMatch(/my next step\?$/m);
        const topics = new Set(plan.items.map((i) => topicOf.get(i.text)));
        expect(TIARA_TOPICS.filter((topic) => topics.has(topic)).length, label).toBeGreaterThanOrEqual(3);
        expect(plan.durationMinutes - plan.totalMinutes, label).toBeGreaterThanOrEqual(2);
      }
    },
  );
});
