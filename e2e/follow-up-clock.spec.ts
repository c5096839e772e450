import { expect, test } from '@playwright/test';
import { createConversation, createPerson, setServerClock, unique } from './api-helpers.js';
import {
  conversationAtOrganization,
  DAY,
  putServerClockBackAfterAll,
  startOnNextMonday,
} from './clock-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { TodayPanel } from './pages/today-panel.js';

// This spec moves the server's clock, so it runs in the clock project after every other spec.
putServerClockBackAfterAll();

test('a request goes out, is followed up by the 3B7 rule, accepted, held and thanked', async ({
  page,
  request,
}) => {
  const id = unique();
  const monday = await startOnNextMonday(request);
  const orgName = `Lantern Learning ${id}`;
  const personName = `Noor Haddad ${id}`;
  const title = `Learning design at Lantern ${id}`;
  const { organizationId: orgId, conversationId } = await conversationAtOrganization(request, {
    organization: orgName,
    person: personName,
    title,
  });

  // Draft the request from a template.
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await expect(conv.badge('Idea')).toBeVisible();
  await conv.status.getByRole('link', { name: 'Write request' }).click();
  const compose = new ComposePage(page);
  await expect(compose.heading()).toHaveText(`Write to ${personName}`);
  await expect(compose.purpose).toHaveValue('request');
  await expect(compose.template.locator('option:checked')).toHaveText('No shared contact, a shared interest');
  await expect(page.getByLabel('Their organization', { exact: true })).toHaveValue(orgName);
  await compose.fillField('Broad interest (the field)', 'learning design');
  await compose.fillField('Narrow interest (this team or company)', 'how your team plans new courses');
  await compose.fillField('Your background, in a few words', 'eight years of teaching science');
  await compose.fillField('Your name', 'Sam Rivera');
  await compose.fillDraft();
  await expect(compose.message).toHaveValue(/^Hi Noor,/);
  await expect(compose.subject).toHaveValue('A question about learning design');
  await expect(compose.wordCount).toContainText(/\d+ words/);
  const good = await compose.message.inputValue();

  // Asking for a job is flagged as you type, with the sentence quoted; removing it clears the advice.
  await compose.message.fill(
    good.replace(
      'Would you be open',
      'Is your team hiring? I am looking for a job in this area. Would you be open',
    ),
  );
  // Both sentences are quoted in one finding ("These 2 sentences read as a request for a job").
  const jobAsk = compose.findings.getByRole('listitem').filter({ hasText: 'request for a job' });
  await expect(jobAsk).toHaveCount(1);
  await expect(jobAsk).toContainText('Important');
  await expect(jobAsk).toContainText('These 2 sentences read as a request for a job.');
  await expect(jobAsk).toContainText('Is your team hiring?');
  await expect(jobAsk).toContainText('I am looking for a job in this area.');
  await compose.message.fill(good);
  await expect(compose.advice).not.toContainText('request for a job');

  await compose.logAsSent();
  await expect(compose.sentNotice()).toContainText('The conversation is now Requested');
  await page.getByRole('link', { name: 'Back to the conversation' }).click();
  await expect(conv.badge('Requested')).toBeVisible();
  await expect(conv.messages).toContainText('A question about learning design');

  // Three business days without an answer: try a second person at the same organization.
  await setServerClock(request, { advanceDays: 3 });
  const today = new TodayPanel(page);
  await today.goto();
  const second = today.item(`Reach a second person: ${title}`);
  await expect(second).toBeVisible();
  await expect(second.getByRole('link', { name: 'Find someone else there' })).toHaveAttribute(
    'href',
    `/organizations/${orgId}`,
  );
  await expect(today.item(`Follow up: ${title}`)).toHaveCount(0);

  // Seven business days (the next Wednesday): one follow-up to the first person.
  await setServerClock(request, { advanceDays: 6 });
  await today.goto();
  const followUp = today.item(`Follow up: ${title}`);
  await expect(followUp).toBeVisible();
  await followUp.getByRole('link', { name: 'Write the follow-up' }).click();
  await expect(compose.purpose).toHaveValue('follow_up');
  await expect(compose.template.locator('option:checked')).toHaveText('One friendly follow-up');

  // They answer: the reply moves the conversation to Accepted.
  await conv.goto(conversationId);
  await conv.logMessage({ said: 'Happy to talk — how about Thursday afternoon?' });
  await expect(conv.messages.getByRole('status')).toContainText('The conversation is now Accepted');
  await expect(conv.badge('Accepted')).toBeVisible();

  // Schedule it for tomorrow afternoon; Today shows it.
  const thursday = new Date(monday.getTime() + 10 * DAY).toISOString().slice(0, 10);
  await conv.openScheduleForm();
  await conv.fillMeeting({ local: `${thursday}T14:00`, timeZone: 'UTC', minutes: 30, medium: 'Video call' });
  await conv.submitMeeting();
  await expect(conv.badge('Scheduled')).toBeVisible();
  await expect(conv.meeting.getByRole('link', { name: 'Download .ics' })).toBeVisible();
  await today.goto();
  await expect(today.item(`Tomorrow: ${title}`)).toBeVisible();

  // The day after the meeting it can be marked as held, and a thank-you is due.
  await setServerClock(request, { advanceDays: 2 });
  await conv.goto(conversationId);
  await conv.addNote('Noor said the best course designers watch learners use the first draft.');
  await conv.moveTo('Held');
  await expect(conv.badge('Held')).toBeVisible();
  await expect(conv.thankYous.getByRole('link', { name: `Write thank-you to ${personName}` })).toBeVisible();

  await today.goto();
  const thanks = today.item(`Thank ${personName}`);
  await expect(thanks).toBeVisible();
  await thanks.getByRole('link', { name: 'Write thank-you' }).click();
  await expect(compose.purpose).toHaveValue('thank_you');
  await expect(compose.subject).toHaveValue('Thank you, Noor');
  await expect(compose.message).toHaveValue(/Thank you for taking the time to talk with me/);
  await expect(page.getByText('Best sent by')).toBeVisible();
  await compose.logAsSent();
  await expect(compose.sentNotice()).toContainText('The conversation is now Thanked');

  await today.goto();
  await expect(today.item(`Thank ${personName}`)).toHaveCount(0);
});

test('after a meeting Today asks whether it happened, and Held brings the thank-you', async ({
  page,
  request,
}) => {
  const id = unique();
  const monday = await startOnNextMonday(request);
  const personName = `Ines Okoro ${id}`;
  const personId = await createPerson(request, { fullName: personName });
  const title = `Product research with Ines ${id}`;
  const conversationId = await createConversation(request, { participantIds: [personId], title });
  const meetingAt = new Date(monday.getTime() + 5 * 3_600_000); // 14:00 UTC
  const scheduled = await request.put(`/api/conversations/${conversationId}/meeting`, {
    data: { startsAt: meetingAt.toISOString(), timeZone: 'UTC', durationMinutes: 30, medium: 'video' },
  });
  expect(scheduled.status()).toBe(200);

  // The next morning, nothing was marked: Today asks, and no thank-you is suggested yet.
  await setServerClock(request, { advanceDays: 1 });
  const today = new TodayPanel(page);
  await today.goto();
  const question = today.item(`Did your meeting with ${personName} happen?`);
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Done', exact: true })).toHaveCount(0);
  await expect(today.item(`Thank ${personName}`)).toHaveCount(0);

  // Moved opens the reschedule form on the conversation.
  await today.answerMeeting(personName, 'Moved');
  const conv = new ConversationPage(page);
  await expect(conv.meeting.getByRole('button', { name: 'Save new time' })).toBeVisible();

  await today.goto();
  await today.answerMeeting(personName, 'Held');
  await expect(today.region.getByRole('status')).toContainText('Marked as held');
  await expect(question).toHaveCount(0);
  await expect(today.item(`Thank ${personName}`)).toBeVisible();
  await conv.goto(conversationId);
  await expect(conv.badge('Held')).toBeVisible();
});
