import { expect, test } from '@playwright/test';
import { createConversation, createPerson, createTask, unique, utcDate } from './api-helpers.js';
import { createIntroduction, holdConversation } from './network-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { PersonPage } from './pages/person-page.js';
import { TodayPanel } from './pages/today-panel.js';

test('the status in the Compose header follows "Log as sent" without a reload', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Rhea Status ${id}` });
  const conversationId = await createConversation(request, { participantIds: [personId] });

  const compose = new ComposePage(page);
  await page.goto(`/compose?personId=${personId}&conversationId=${conversationId}&purpose=request`);
  const badge = page.locator('.page-header .subtitle .badge');
  await expect(badge).toHaveText('Idea');
  await compose.subject.fill('A question about your work');
  await compose.message.fill('Hi Rhea,\n\nWould you have 20 minutes for a call?\n\nBest,\nSam');
  await compose.logAsSent();
  await expect(compose.sentNotice()).toContainText('The conversation is now Requested.');
  await expect(badge).toHaveText('Requested');
});

test('the checker names the connection once and quotes every job ask in one finding', async ({
  page,
  request,
}) => {
  const id = unique();
  const maya = `Maya Lund ${id}`;
  const mayaId = await createPerson(request, { fullName: maya });
  const res = await request.post('/api/people', {
    data: { fullName: `Jo Reader ${id}`, introducedById: mayaId },
  });
  expect(res.status()).toBe(201);
  const joId = ((await res.json()) as { id: string }).id;

  const compose = new ComposePage(page);
  await page.goto(`/compose?personId=${joId}&purpose=request`);
  await compose.message.fill(
    'Hi Jo,\n\nI am exploring product roles. Are you hiring? I have attached my CV. Please keep me in mind for any vacancies. Would you have 20 minutes for a call?\n\nBest,\nSam',
  );
  const jobAsk = compose.finding(/request for a job/);
  await expect(jobAsk).toHaveCount(1);
  await expect(jobAsk).toContainText('These 3 sentences read as a request for a job.');
  await expect(jobAsk.locator('blockquote')).toHaveText([
    'Are you hiring?',
    'I have attached my CV.',
    'Please keep me in mind for any vacancies.',
  ]);
  // Maya is both the referrer and the introducer: named once.
  const connection = compose.finding(/Lead with what connects you/);
  await expect(connection).toContainText(`mention ${maya} in the first sentence`);
  await expect(connection).not.toContainText(`${maya} or ${maya}`);
});

test('Snooze on Today can be undone, like Dismiss', async ({ page, request }) => {
  const title = `Post the conference notes ${unique()}`;
  await createTask(request, { title, dueOn: utcDate(0) });
  const today = new TodayPanel(page);
  await today.goto();
  await expect(today.item(title)).toBeVisible();
  await today.answer(title, 'Snooze');
  await expect(today.toast).toContainText(`Snoozed until tomorrow: ${title}`);
  await expect(today.item(title)).toHaveCount(0);
  await today.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(today.toast).toContainText(`Brought back: ${title}`);
  await expect(today.item(title)).toBeVisible();
  // It stays back after a reload: nothing of the snooze is left.
  await page.reload();
  await expect(today.item(title)).toBeVisible();
});

test('a meeting link opens in a new tab from the conversation, the brief and Today', async ({
  page,
  request,
}) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Lin Link ${id}` });
  const conversationId = await createConversation(request, {
    participantIds: [personId],
    title: `Call with Lin ${id}`,
  });
  const url = `https://meet.example.org/abc-${id}`;
  // Soon enough to be on today's agenda.
  const startsAt = new Date(Date.now() + 10 * 60_000).toISOString();
  const scheduled = await request.put(`/api/conversations/${conversationId}/meeting`, {
    data: {
      startsAt,
      timeZone: 'UTC',
      durationMinutes: 30,
      medium: 'video',
      place: `Video: ${url}, or room 4`,
    },
  });
  expect(scheduled.status()).toBe(200);

  const expectLink = async () => {
    const link = page.getByRole('main').getByRole('link', { name: url, exact: true });
    await expect(link).toHaveAttribute('href', url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    return link;
  };

  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await expect(conv.meeting).toContainText('or room 4');
  const link = await expectLink();
  // The meeting service is not reachable from the test machine: a stand-in page answers for it.
  await page
    .context()
    .route('https://meet.example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Meeting room</title><p>Meeting room</p>' }),
    );
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(url);
  // A new tab that cannot reach back to Rapport, and is not told where it came from.
  expect(await tab.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
  await tab.close();
  await expect(page).toHaveURL(`/conversations/${conversationId}`);

  await page.goto(`/conversations/${conversationId}/brief`);
  await expectLink();

  const today = new TodayPanel(page);
  await today.goto();
  await expect(today.item(`Call with Lin ${id}`)).toBeVisible();
  await expectLink();
});

test('an introduction is Met once the meeting is held and Thanked once the introducer is thanked', async ({
  page,
  request,
}) => {
  const id = unique();
  const introducer = `Ines Intro ${id}`;
  const introduced = `Omar Met ${id}`;
  const introducerId = await createPerson(request, { fullName: introducer });
  const introducedId = await createPerson(request, { fullName: introduced });
  await createIntroduction(request, introducerId, introducedId);
  const conversationId = await createConversation(request, { participantIds: [introducedId] });

  const person = new PersonPage(page);
  const stage = (name: string) =>
    page
      .getByRole('region', { name: 'Introductions' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name }) })
      .getByRole('list', { name: /^Stage:/ });

  await person.goto(introducedId);
  await expect(stage(introducer)).toHaveAccessibleName('Stage: Introduced');

  await holdConversation(request, conversationId);
  await person.goto(introducedId);
  await expect(stage(introducer)).toHaveAccessibleName('Stage: Met');

  // The thank-you to the introducer, written and logged in Compose.
  const compose = new ComposePage(page);
  await page.goto(`/compose?personId=${introducerId}&purpose=thank_you`);
  await compose.subject.fill(`Thank you for the introduction to Omar`);
  await compose.message.fill(
    'Hi Ines,\n\nOmar and I talked last week; it was a great help. Thank you!\n\nSam',
  );
  await compose.logAsSent();
  await expect(compose.sentNotice()).toBeVisible();

  await person.goto(introducerId);
  await expect(stage(introduced)).toHaveAccessibleName('Stage: Thanked');
});

test('the introduction form adds someone new by name', async ({ page, request }) => {
  const id = unique();
  const personName = `Priya Host ${id}`;
  const newName = `Noor Newcomer ${id}`;
  const personId = await createPerson(request, { fullName: personName });

  const person = new PersonPage(page);
  await person.goto(personId);
  const region = page.getByRole('region', { name: 'Introductions' });
  await region.getByRole('button', { name: 'Add introduction' }).click();
  const form = page.getByRole('form', { name: 'Add introduction' });
  await form.getByLabel(`${personName} introduced someone`).check();
  await form.getByLabel('Find a person').fill(newName);
  await form.getByRole('button', { name: `Add “${newName}” as a new person` }).click();
  await expect(form).toContainText('(new: added when you save)');
  await form.getByRole('button', { name: 'Save introduction' }).click();

  await expect(form).toHaveCount(0);
  const link = region.getByRole('link', { name: newName });
  await expect(link).toBeVisible();
  await link.click();
  await expect(person.heading(newName)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Introductions' })
      .getByRole('list', { name: 'Introduced by' })
      .getByRole('link', { name: personName }),
  ).toBeVisible();
});
