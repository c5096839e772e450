import { count, eq } from 'drizzle-orm';
import { people } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type Ctx, inTransaction } from '../context.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createTask, updateTask } from '../tasks/tasks.js';

const DAY = 86_400_000;

/**
 * Fills an empty workspace with a small, believable example: a career changer from teaching
 * exploring learning design, with a chain of introductions and conversations at every stage.
 */
export async function loadSampleWorkspace(ctx: Ctx): Promise<{ people: number; conversations: number }> {
  const [existing] = await ctx.db
    .select({ n: count() })
    .from(people)
    .where(eq(people.workspaceId, ctx.workspaceId));
  if ((existing?.n ?? 0) > 0) {
    throw new AppError('conflict', {
      userMessage:
        'The sample workspace can only be loaded into an empty workspace; this one already has people.',
    });
  }
  return inTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const at = (days: number) => ({ ...tx, now: () => new Date(now.getTime() + days * DAY) });
    const brightpath = await createOrganization({
      ...at(-30),
      input: { name: 'Brightpath Learning', industry: 'Education technology', location: 'Lyon' },
    });
    const northwind = await createOrganization({
      ...at(-30),
      input: { name: 'Northwind Health', industry: 'Healthcare', location: 'Remote' },
    });
    const civic = await createOrganization({
      ...at(-29),
      input: { name: 'Civic Data Lab', industry: 'Non-profit', location: 'Berlin' },
    });
    const maya = await createPerson({
      ...at(-28),
      input: {
        fullName: 'Maya Okafor',
        title: 'Former colleague, now a school principal',
        function: 'Education',
        seniority: 'director',
        howWeKnow: 'We taught at the same school for four years',
        keepInTouch: 'yes',
        keepInTouchEveryDays: 60,
        preferredChannel: 'phone',
        tags: ['former colleague'],
      },
    });
    const jonas = await createPerson({
      ...at(-20),
      input: {
        fullName: 'Jonas Reiter',
        title: 'Senior Learning Designer',
        function: 'Learning design',
        seniority: 'senior',
        organizationId: brightpath.id,
        email: 'jonas.reiter@example.org',
        timeZone: 'Europe/Paris',
        howWeKnow: "Maya's cousin",
        introducedById: maya.id,
        tags: ['learning design'],
      },
    });
    const priya = await createPerson({
      ...at(-12),
      input: {
        fullName: 'Priya Natarajan',
        title: 'Instructional Design Manager',
        function: 'Learning design',
        seniority: 'manager',
        organizationId: northwind.id,
        linkedinUrl: 'https://www.linkedin.com/in/example-priya',
        timeZone: 'America/New_York',
        howWeKnow: 'Jonas worked with her',
        introducedById: jonas.id,
      },
    });
    const lea = await createPerson({
      ...at(-5),
      input: {
        fullName: 'Léa Martin',
        title: 'Data Analyst',
        function: 'Analytics',
        seniority: 'staff',
        organizationId: civic.id,
        howWeKnow: 'Fellow alumna, university alumni list',
        tags: ['alumni'],
      },
    });
    const held = await createConversation({
      ...at(-19),
      input: {
        type: 'learn_role',
        participantIds: [jonas.id],
        goals: ['Understand a learning designer’s typical week', 'Which skills transfer from teaching'],
        role: 'Learning designer',
        reachedVia: 'Introduced by Maya',
      },
    });
    await scheduleMeeting({
      ...at(-15),
      conversationId: held.id,
      input: {
        startsAt: new Date(now.getTime() - 10 * DAY),
        timeZone: 'Europe/Paris',
        medium: 'coffee',
        place: 'Café near the station',
      },
    });
    await moveConversation({ ...at(-10), id: held.id, to: 'held' });
    await createNote({
      ...at(-10),
      subject: { conversationId: held.id },
      body: '**Key points**\n\n- Portfolio matters more than certificates\n- Suggested I talk to Priya at Northwind',
    });
    await moveConversation({ ...at(-9), id: held.id, to: 'thanked' });
    const upcoming = await createConversation({
      ...at(-11),
      input: {
        type: 'career_switch',
        participantIds: [priya.id],
        goals: ['Hear how she moved from teaching'],
      },
    });
    await logMessage({
      ...at(-11),
      input: {
        personId: priya.id,
        conversationId: upcoming.id,
        channel: 'linkedin',
        direction: 'out',
        purpose: 'request',
        body: 'Jonas Reiter suggested I reach out…',
      },
    });
    await logMessage({
      ...at(-7),
      input: {
        personId: priya.id,
        conversationId: upcoming.id,
        channel: 'linkedin',
        direction: 'in',
        purpose: 'reply',
      },
    });
    await scheduleMeeting({
      ...at(-6),
      conversationId: upcoming.id,
      input: {
        startsAt: new Date(now.getTime() + DAY),
        timeZone: 'America/New_York',
        medium: 'video',
        place: 'Video link in the invitation',
      },
    });
    const requested = await createConversation({
      ...at(-8),
      input: { type: 'explore_career', participantIds: [lea.id], goals: ['Is data analysis a fit for me?'] },
    });
    await logMessage({
      ...at(-8),
      input: {
        personId: lea.id,
        conversationId: requested.id,
        channel: 'email',
        direction: 'out',
        purpose: 'request',
        subject: 'Fellow alum with a question about data analysis',
        body: 'We both studied at the same university…',
      },
    });
    const catchUp = await createConversation({
      ...at(-5),
      input: {
        type: 'learn_company',
        participantIds: [maya.id],
        goals: ['Catch up and ask who else to meet'],
      },
    });
    await scheduleMeeting({
      ...at(-5),
      conversationId: catchUp.id,
      input: { startsAt: new Date(now.getTime() - 2 * DAY), timeZone: 'Europe/Paris', medium: 'phone' },
    });
    await moveConversation({ ...at(-2), id: catchUp.id, to: 'held' });
    await createNote({
      ...at(-2),
      subject: { conversationId: catchUp.id },
      body: 'Maya suggested the *Learning Designers* meetup and offered to ask Léa about data roles.',
    });
    // What was promised, both ways: none due yet, so Today stays as it is.
    const dayFromNow = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
    const portfolio = await createTask({
      ...at(-10),
      input: {
        kind: 'promise_mine',
        title: 'Send Jonas my portfolio draft',
        personId: jonas.id,
        conversationId: held.id,
      },
    });
    await updateTask({ ...at(-8), id: portfolio.id, input: { done: true } });
    await createTask({
      ...at(-9),
      input: {
        kind: 'report_back',
        title: 'Tell Jonas how the talk with Priya went',
        dueOn: dayFromNow(3),
        personId: jonas.id,
        conversationId: held.id,
      },
    });
    await createTask({
      ...at(-2),
      input: {
        kind: 'promise_theirs',
        title: 'Maya asks Léa about data roles for me',
        dueOn: dayFromNow(5),
        personId: maya.id,
        conversationId: catchUp.id,
      },
    });
    await createTask({
      ...at(-2),
      input: {
        kind: 'promise_mine',
        title: 'Tell Maya how the Learning Designers meetup went',
        dueOn: dayFromNow(12),
        personId: maya.id,
        conversationId: catchUp.id,
      },
    });
    await createNote({
      ...at(-27),
      subject: { personId: maya.id },
      body: 'Offered to introduce me to people in education technology.',
    });
    await createNote({
      ...at(-25),
      subject: { organizationId: brightpath.id },
      kind: 'research',
      body: 'Builds reading courses for primary schools; hiring designers who have taught.',
    });
    return { people: 4, conversations: 4 };
  });
}
