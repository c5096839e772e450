import { and, desc, eq, inArray } from 'drizzle-orm';
import { notes, people } from '../../db/schema.js';
import { formatWithTheirTime } from '../../domain/date-format.js';
import { PLAN_SECTION_LABELS, type PlanSection } from '../../domain/plan.js';
import { documentsToBring } from '../../domain/prep.js';
import { CONVERSATION_TYPE_LABELS, MEDIUM_LABELS, SENIORITY_LABELS } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { conversationDocumentList } from '../documents/documents.js';
import { introductionChainOf } from '../network/introductions.js';
import { getSettings } from '../settings/settings.js';
import { getPlan } from './plans.js';

/**
 * Everything to have in hand for one conversation, on one page: who, the organization, goals,
 * the timed agenda, documents and logistics. The web print view and the PDF share this.
 */
export async function conversationBrief(ctx: Ctx & { conversationId: string }) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const ids = conv.participants.map((p) => p.id);
  const who = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids)));
  const participants = [];
  for (const id of ids) {
    const p = who.find((x) => x.id === id);
    if (!p) continue;
    const chain = await introductionChainOf({ ...ctx, personId: p.id });
    participants.push({
      fullName: p.fullName,
      role: [p.title, p.seniority ? SENIORITY_LABELS[p.seniority] : null, p.function]
        .filter(Boolean)
        .join(' · '),
      howWeKnow: p.howWeKnow,
      connection: chain.chain.length > 1 ? chain.text : null,
      notes: p.notes,
    });
  }
  const orgNotes = conv.organizationId
    ? await ctx.db
        .select({ body: notes.body, kind: notes.kind })
        .from(notes)
        .where(eq(notes.organizationId, conv.organizationId))
        .orderBy(desc(notes.createdAt))
        .limit(5)
    : [];
  const plan = await getPlan(ctx);
  const sections: {
    section: string;
    label: string;
    minutes: number;
    items: { text: string; minutes: number }[];
  }[] = [];
  for (const item of plan.items) {
    let current = sections.at(-1);
    if (!current || current.section !== item.section) {
      current = {
        section: item.section,
        label: PLAN_SECTION_LABELS[item.section as PlanSection] ?? item.section,
        minutes: 0,
        items: [],
      };
      sections.push(current);
    }
    current.items.push({ text: item.text, minutes: item.minutes });
    current.minutes += item.minutes;
  }
  const documents = await conversationDocumentList(ctx);
  const m = conv.meeting;
  const { timeZone: myZone } = await getSettings(ctx);
  return {
    title: conv.title,
    type: CONVERSATION_TYPE_LABELS[conv.type],
    organization: conv.organizationName,
    role: conv.role,
    participants,
    organizationNotes: orgNotes.map((n) => n.body),
    goals: conv.goals.map((g) => g.text),
    agenda: { durationMinutes: plan.durationMinutes, totalMinutes: plan.totalMinutes, sections },
    documents: documentsToBring(documents).map((d) => ({
      title: d.title,
      versionLabel: d.versionLabel,
      fileName: d.fileName,
    })),
    logistics: m
      ? {
          startsAt: m.startsAt,
          timeZone: m.timeZone,
          // The user's clock first, the meeting's beside it when it differs: the PDF reads like the screen.
          when: formatWithTheirTime(m.startsAt, m.timeZone, {
            timeZone: myZone,
            locale: 'en-GB',
            now: ctx.now(),
          }),
          durationMinutes: m.durationMinutes,
          medium: MEDIUM_LABELS[m.medium],
          place: m.place,
        }
      : null,
  };
}

export type Brief = Awaited<ReturnType<typeof conversationBrief>>;
