import { count, eq } from 'drizzle-orm';
import { people } from '../../db/schema.js';
import { addCalendarDays, atLocalTime, isBusinessDay, localDate } from '../../domain/business-days.js';
import { AppError } from '../../domain/errors.js';
import { type Ctx, inTransaction } from '../context.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { addTarget } from '../organizations/targets.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createTask, updateTask } from '../tasks/tasks.js';
import { getSettings } from './settings.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Fills an empty workspace with a small, believable example: a career changer from teaching
 * exploring learning design, with a chain of introductions, conversations at every stage and a
 * ranked target list. Every time is counted from `ctx.now()`; meetings fall on working days at
 * office hours on the user's clock (their time zone from Settings), never at 03:00.
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
  const { timeZone, holidays } = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const at = (days: number) => ({ ...tx, now: () => new Date(now.getTime() + days * DAY) });
    const atInstant = (instant: Date, hours = 0) => ({
      ...tx,
      now: () => new Date(instant.getTime() + hours * HOUR),
    });
    /**
     * `hour`:`minute` on the user's clock, on the working day `days` from today in their zone; a
     * weekend or holiday moves it away from today (earlier for the past, later for the future).
     */
    const workdayAt = (days: number, hour: number, minute = 0) => {
      const step = days < 0 ? -1 : 1;
      let date = addCalendarDays(localDate(now, timeZone), days);
      while (!isBusinessDay(date, { timeZone, holidays })) date = addCalendarDays(date, step);
      return atLocalTime(date, hour, minute, timeZone);
    };
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
    // Coffee at 10:00 on a working day ten days ago; notes and thanks follow it.
    const coffee = workdayAt(-10, 10);
    await scheduleMeeting({
      ...at(-15),
      conversationId: held.id,
      input: { startsAt: coffee, timeZone, medium: 'coffee', place: 'Café near the station' },
    });
    await moveConversation({ ...atInstant(coffee, 2), id: held.id, to: 'held' });
    await createNote({
      ...atInstant(coffee, 2),
      subject: { conversationId: held.id },
      body: '**Key points**\n\n- Portfolio matters more than certificates\n- Suggested I talk to Priya at Northwind',
    });
    await moveConversation({ ...atInstant(coffee, 6), id: held.id, to: 'thanked' });
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
    // A video call on the next working day, mid-afternoon for the user.
    await scheduleMeeting({
      ...at(-6),
      conversationId: upcoming.id,
      input: {
        startsAt: workdayAt(1, 15),
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
    // A phone call over lunch a couple of working days ago.
    const call = workdayAt(-2, 12, 30);
    await scheduleMeeting({
      ...at(-5),
      conversationId: catchUp.id,
      input: { startsAt: call, timeZone, medium: 'phone' },
    });
    await moveConversation({ ...atInstant(call, 1), id: catchUp.id, to: 'held' });
    await createNote({
      ...atInstant(call, 1),
      subject: { conversationId: catchUp.id },
      body: 'Maya suggested the *Learning Designers* meetup and offered to ask Léa about data roles.',
    });
    // What was promised, both ways: none due yet, so Today stays as it is.
    const dayFromNow = (days: number) => addCalendarDays(localDate(now, timeZone), days);
    const portfolio = await createTask({
      ...atInstant(coffee, 3),
      input: {
        kind: 'promise_mine',
        title: 'Send Jonas my portfolio draft',
        personId: jonas.id,
        conversationId: held.id,
      },
    });
    await updateTask({ ...at(-8), id: portfolio.id, input: { done: true } });
    await createTask({
      ...atInstant(coffee, 24),
      input: {
        kind: 'report_back',
        title: 'Tell Jonas how the talk with Priya went',
        dueOn: dayFromNow(3),
        personId: jonas.id,
        conversationId: held.id,
      },
    });
    await createTask({
      ...atInstant(call, 1),
      input: {
        kind: 'promise_theirs',
        title: 'Maya asks Léa about data roles for me',
        dueOn: dayFromNow(5),
        personId: maya.id,
        conversationId: catchUp.id,
      },
    });
    await createTask({
      ...atInstant(call, 1),
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
    // The target list (LAMP): scored by motivation and postings; advocacy follows from the people
    // above (Jonas at Brightpath met the user, Priya at Northwind accepted), Léa's request is
    // unanswered, and nobody is known yet at the Open Classroom Foundation.
    const openClassroom = await createOrganization({
      ...at(-26),
      input: { name: 'Open Classroom Foundation', industry: 'Non-profit education', location: 'Remote' },
    });
    await addTarget({
      ...at(-26),
      input: { organizationId: brightpath.id, motivation: 3, posting: 2, hasOpenPosting: true },
    });
    await addTarget({ ...at(-26), input: { organizationId: northwind.id, motivation: 2, posting: 3 } });
    await addTarget({ ...at(-26), input: { organizationId: openClassroom.id, motivation: 3, posting: 1 } });
    await addTarget({ ...at(-26), input: { organizationId: civic.id, motivation: 1, posting: 2 } });
    return { people: 4, conversations: 4 };
  });
}
