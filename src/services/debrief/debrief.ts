import { and, eq } from 'drizzle-orm';
import { insights, people, planItems } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type InsightTopic, normalizeSkill } from '../../domain/insights.js';
import type { KeepInTouch } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { createTask } from '../tasks/tasks.js';
import { type ReferralInput, type SavedReferral, saveReferral } from './debrief-referrals.js';

export interface DebriefInput {
  summary?: string;
  answers?: { planItemId: string; answer: string }[];
  insights?: {
    topic: InsightTopic;
    body: string;
    skills?: string[];
    role?: string | null;
    /** Who said it, among the participants; the first participant when not given. */
    personId?: string | null;
  }[];
  /** People they suggested; see debrief-referrals.ts for how one already in the contacts is linked. */
  referrals?: ReferralInput[];
  promises?: { owner: 'mine' | 'theirs'; title: string; dueOn?: string | null; personId?: string | null }[];
  keepInTouch?: {
    personId: string;
    permission: KeepInTouch;
    everyDays?: number | null;
    channel?: string | null;
  }[];
}

/**
 * Saves everything learned in one go: answers against the plan, insights by topic, referrals (each
 * introduced by the participant through this conversation — the person already in the contacts
 * when one matches, else a new person — with a suggested next request), promises as tasks, and
 * the keep-in-touch answer. One transaction: all or nothing.
 */
export async function saveDebrief(ctx: Ctx & { conversationId: string; input: DebriefInput }) {
  const { input } = ctx;
  return inTransaction(ctx, async (tx) => {
    const conv = await getConversation({ ...tx, id: ctx.conversationId });
    const participantIds = new Set(conv.participants.map((p) => p.id));
    const assertParticipant = (id: string, field: string) => {
      if (!participantIds.has(id)) {
        throw new AppError('validation', {
          userMessage: `${field}: this person did not take part in the conversation.`,
          issues: [{ field, message: 'not a participant' }],
        });
      }
    };
    if (input.summary?.trim()) {
      await createNote({ ...tx, subject: { conversationId: conv.id }, kind: 'debrief', body: input.summary });
    }
    for (const a of input.answers ?? []) {
      const rows = await tx.db
        .update(planItems)
        .set({ answer: a.answer })
        .where(and(eq(planItems.id, a.planItemId), eq(planItems.conversationId, conv.id)))
        .returning({ id: planItems.id });
      if (!rows.length) {
        throw new AppError('validation', {
          userMessage: 'answers: a question is not part of this conversation’s plan.',
          issues: [{ field: 'answers.planItemId', message: 'not in this plan' }],
        });
      }
    }
    const firstParticipant = conv.participants[0]?.id ?? null;
    for (const i of input.insights ?? []) if (i.personId) assertParticipant(i.personId, 'insights.personId');
    if (input.insights?.length) {
      await tx.db.insert(insights).values(
        input.insights.map((i) => ({
          workspaceId: ctx.workspaceId,
          conversationId: conv.id,
          personId: i.personId ?? firstParticipant,
          organizationId: conv.organizationId,
          role: i.role ?? conv.role,
          topic: i.topic,
          body: i.body,
          skills: [...new Set((i.skills ?? []).map(normalizeSkill).filter(Boolean))],
          createdAt: ctx.now(),
        })),
      );
    }
    const referred: SavedReferral[] = [];
    for (const [n, r] of (input.referrals ?? []).entries()) {
      assertParticipant(r.byPersonId, 'referrals.byPersonId');
      referred.push(await saveReferral(tx, conv, r, n));
    }
    for (const p of input.promises ?? []) {
      if (p.personId) assertParticipant(p.personId, 'promises.personId');
      await createTask({
        ...tx,
        input: {
          kind: p.owner === 'mine' ? 'promise_mine' : 'promise_theirs',
          title: p.title,
          dueOn: p.dueOn ?? null,
          personId: p.personId ?? firstParticipant,
          conversationId: conv.id,
        },
      });
    }
    for (const k of input.keepInTouch ?? []) {
      assertParticipant(k.personId, 'keepInTouch.personId');
      await tx.db
        .update(people)
        .set({
          keepInTouch: k.permission,
          keepInTouchEveryDays: k.everyDays ?? null,
          preferredChannel: k.channel ?? null,
          updatedAt: ctx.now(),
        })
        .where(eq(people.id, k.personId));
    }
    return { referred };
  });
}
