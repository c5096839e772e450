import { expect, test } from '@playwright/test';
import { createConversation, createOrganization, createPerson, unique } from './api-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { ConversationPage, NewConversationPage } from './pages/conversation-pages.js';
import { DebriefPage } from './pages/debrief-page.js';
import { OrganizationPage } from './pages/organization-pages.js';
import { PersonPage } from './pages/person-page.js';

const year = new Date().getFullYear();

test('a conversation goes from idea to a held meeting, with the server guarding each move', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgName = `Northstar Labs ${id}`;
  const personName = `Elena Duarte ${id}`;
  const orgId = await createOrganization(request, orgName);
  const personId = await createPerson(request, {
    fullName: personName,
    organizationId: orgId,
    title: 'UX Lead',
  });

  // Plan it from the person's page: the person is already chosen.
  const person = new PersonPage(page);
  await person.goto(personId);
  await expect(person.conversations).toContainText('No conversations');
  await person.planConversation.click();
  const form = new NewConversationPage(page);
  await expect(form.chosen).toContainText(personName);
  await form.type.selectOption({ label: 'Learn about a role' });
  await form.setGoal(1, 'What does a typical week look like?');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await form.setGoal(2, 'Which skills matter most in the first year?');
  await form.save();

  const conv = new ConversationPage(page);
  await expect(conv.heading()).toHaveText(`Learn about a role with ${personName}`);
  await expect(conv.badge('Idea')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Which skills matter most' })).toBeVisible();
  const conversationId = new URL(page.url()).pathname.split('/')[2]!;

  await conv.moveTo('Requested');
  await expect(conv.badge('Requested')).toBeVisible();
  await conv.moveTo('Accepted');
  await expect(conv.badge('Accepted')).toBeVisible();

  // Moving to Scheduled without a meeting is refused, and the page says why.
  await conv.moveTo('Scheduled');
  await expect(conv.alert).toContainText('Schedule the meeting first');
  await expect(conv.badge('Accepted')).toBeVisible();

  // The API refuses a move the state machine does not allow, with a reason.
  const illegal = await request.post(`/api/conversations/${conversationId}/move`, {
    data: { to: 'thanked' },
  });
  expect(illegal.status()).toBe(422);
  const body = (await illegal.json()) as { error: { message: string } };
  expect(body.error.message).toContain('cannot go from Accepted to Thanked');

  // A 60-minute meeting is allowed, with advice to keep it shorter.
  await conv.openScheduleForm();
  await expect(conv.meeting.getByLabel('Duration (minutes)')).toHaveValue('30');
  await conv.fillMeeting({
    local: `${year + 1}-06-15T14:30`,
    timeZone: 'Europe/Paris',
    minutes: 60,
    medium: 'Video call',
    place: 'Video link in the invite',
  });
  await expect(conv.meeting.getByText('60 minutes is long for an informational interview')).toBeVisible();
  await conv.submitMeeting();
  await expect(conv.badge('Scheduled')).toBeVisible();
  await expect(conv.meeting.getByRole('status')).toContainText('60 minutes is long');
  await expect(conv.meeting).toContainText('Time zone of the meeting: Europe/Paris');
  await expect(conv.meeting).toContainText(/14:30 in Paris|2:30\sPM in Paris/);
  await expect(conv.meeting).toContainText('60 minutes');

  // A meeting in the future cannot be marked as held.
  await conv.moveTo('Held');
  await expect(conv.alert).toContainText('once it has started');
  await expect(conv.badge('Scheduled')).toBeVisible();

  // A time that has passed is questioned: No goes back to the date, Yes records the meeting as held.
  await conv.openScheduleForm();
  await conv.fillMeeting({ local: `${year - 1}-06-15T09:00`, timeZone: 'Europe/Paris', minutes: 30 });
  await conv.submitMeeting();
  await expect(conv.pastStartQuestion()).toBeFocused();
  await conv.answerPastStart('No');
  await expect(conv.pastStartQuestion()).toHaveCount(0);
  await expect(conv.meeting.getByLabel('Date and time')).toBeFocused();
  await expect(conv.badge('Scheduled')).toBeVisible();
  await conv.submitMeeting();
  await conv.answerPastStart('Yes');
  await expect(conv.badge('Held')).toBeVisible();
  await expect(conv.meeting).toContainText(/09:00|9:00\sAM/);
  await expect(conv.thankYous).toBeVisible();
  await expect(conv.alert).toBeHidden();
  await expect(page.getByRole('region', { name: 'Status history' })).toContainText('Scheduled → Held');

  // The conversation shows on the person's timeline and on the organization's page.
  await page.getByRole('region', { name: 'With' }).getByRole('link', { name: personName }).click();
  await expect(person.timeline.getByRole('link', { name: /: Held$/ })).toBeVisible();
  await expect(
    person.conversations.getByRole('link', { name: `Learn about a role with ${personName}` }),
  ).toBeVisible();

  await page.goto(`/organizations/${orgId}`);
  const org = new OrganizationPage(page);
  await expect(org.heading(orgName)).toBeVisible();
  await expect(
    org.conversationsSection.getByRole('link', { name: `Learn about a role with ${personName}` }),
  ).toBeVisible();
  await expect(org.timeline).toContainText('Held');
});

test('HTML in a note is shown as text and never runs', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Farid Haddad ${id}` });
  const created = await request.post('/api/conversations', {
    data: { type: 'explore_career', participantIds: [personId] },
  });
  expect(created.status()).toBe(201);
  const { id: conversationId } = (await created.json()) as { id: string };

  await page.goto(`/conversations/${conversationId}`);
  const conv = new ConversationPage(page);
  const text = 'Follow-up idea: <script>window.__pwned = 1</script> **bold**';
  await conv.addNote(text);

  const note = conv.notes.getByRole('listitem').filter({ hasText: 'Follow-up idea' });
  await expect(note).toContainText('<script>window.__pwned = 1</script>');
  await expect(note.locator('strong')).toHaveText('bold');
  await expect(note.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The same note on the person's timeline is just as inert.
  await page.goto(`/people/${personId}`);
  const timeline = new PersonPage(page).timeline;
  await expect(timeline).toContainText('<script>window.__pwned = 1</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('conversations can be filtered by status', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Gita Rao ${id}` });
  const created = await request.post('/api/conversations', {
    data: { type: 'career_switch', participantIds: [personId], title: `Switch chat ${id}` },
  });
  expect(created.status()).toBe(201);

  await page.goto('/conversations');
  await page.getByRole('button', { name: 'Idea', exact: true }).click();
  await expect(page).toHaveURL(/status=idea/);
  await expect(page.getByRole('link', { name: `Switch chat ${id}` })).toBeVisible();
  await page.getByRole('button', { name: 'Idea', exact: true }).click();
  await page.getByRole('button', { name: 'Held', exact: true }).click();
  await expect(page.getByRole('link', { name: `Switch chat ${id}` })).toBeHidden();
});

test('each thank-you quotes what that person said in the debrief, never my own summary', async ({
  page,
  request,
}) => {
  const id = unique();
  const sana = `Sana Whitfield ${id}`;
  const jon = `Jon Arvidsen ${id}`;
  const sanaId = await createPerson(request, { fullName: sana });
  const jonId = await createPerson(request, { fullName: jon });
  const created = await request.post('/api/conversations', {
    data: { type: 'learn_role', participantIds: [sanaId, jonId] },
  });
  expect(created.status()).toBe(201);
  const { id: conversationId } = (await created.json()) as { id: string };
  for (const to of ['requested', 'accepted']) {
    expect((await request.post(`/api/conversations/${conversationId}/move`, { data: { to } })).status()).toBe(
      200,
    );
  }
  const meeting = await request.put(`/api/conversations/${conversationId}/meeting`, {
    data: {
      startsAt: `${year - 1}-03-10T15:00:00Z`,
      timeZone: 'UTC',
      medium: 'video',
      alreadyHappened: true,
    },
  });
  expect(meeting.status()).toBe(200);
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await expect(conv.badge('Held')).toBeVisible();

  // The debrief credits one insight to each of them; the summary is for me alone.
  await page.getByRole('link', { name: 'Write the debrief' }).click();
  const debrief = new DebriefPage(page);
  const sanaWords = `Shadow a support shift before you touch the product ${id}`;
  const jonWords = `Jon said that release notes are read more than the docs ${id}`;
  await debrief.addInsight(1, { topic: 'Advice', body: sanaWords, by: sana });
  await debrief.addInsight(2, { topic: 'Trends', body: jonWords, by: jon });
  await debrief.addPromise(1, { title: `book a support shift next week ${id}`, with: sana });
  await debrief.fillSummary('Sana was far more helpful than Jon; I rambled at the start.');
  await debrief.save();
  await expect(debrief.saved).toBeVisible();

  // Sana's note quotes Sana, to her, with what I will do; none of Jon's words, none of my summary.
  await conv.goto(conversationId);
  await conv.thankYous.getByRole('link', { name: `Write thank-you to ${sana}` }).click();
  const compose = new ComposePage(page);
  await expect(compose.subject).toHaveValue('Thank you, Sana');
  await expect(compose.message).toHaveValue(/you told me has stayed with me/);
  await expect(compose.message).toHaveValue(new RegExp(`“${sanaWords}\\.”`));
  await expect(compose.message).toHaveValue(
    new RegExp(`what I will do with it: book a support shift next week ${id}`),
  );
  await expect(compose.message).not.toHaveValue(/release notes|rambled|more helpful/);

  // Writing to Jon instead, the untouched draft follows: his own words, said to him.
  await page.getByLabel('To', { exact: true }).selectOption({ label: jon });
  await expect(compose.subject).toHaveValue('Thank you, Jon');
  await expect(compose.message).toHaveValue(
    new RegExp(`“Release notes are read more than the docs ${id}\\.”`),
  );
  await expect(compose.message).not.toHaveValue(/Jon said|support shift|rambled|more helpful/);
  await expect(page.getByText('Say what you will do with Jon’s advice')).toBeVisible();

  // Straight from the conversation page, Jon's note is the same.
  await conv.goto(conversationId);
  await conv.thankYous.getByRole('link', { name: `Write thank-you to ${jon}` }).click();
  await expect(compose.message).toHaveValue(/^Hi Jon,/);
  await expect(compose.message).toHaveValue(new RegExp(`Release notes are read more than the docs ${id}`));
});

test('a list longer than the page says how many there are and how many are shown', async ({
  page,
  request,
}) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Many Talks ${id}` });
  const ids: string[] = [];
  for (let i = 0; i < 501; i++) {
    ids.push(await createConversation(request, { participantIds: [personId], title: `Talk ${i + 1} ${id}` }));
  }
  try {
    await page.goto(`/conversations?q=${encodeURIComponent(id)}`);
    await expect(page.getByRole('status')).toHaveText('501 conversations (1–500 shown)');
    await expect(page.getByRole('link', { name: `Talk 501 ${id}`, exact: true })).toBeVisible();
  } finally {
    // Other pages' tests list every conversation: these go again.
    for (const conversationId of ids) await request.delete(`/api/conversations/${conversationId}`);
  }
});
