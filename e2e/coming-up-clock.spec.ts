import { expect, test } from '@playwright/test';
import { setServerClock, unique } from './api-helpers.js';
import {
  conversationAtOrganization,
  DAY,
  putServerClockBackAfterAll,
  startOnNextMonday,
} from './clock-helpers.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { TodayPanel } from './pages/today-panel.js';

// This spec moves the server's clock, so it runs in the clock project after every other spec.
putServerClockBackAfterAll();

test('a waiting request shows when the second contact and the follow-up fall due, and Today shows what is coming', async ({
  page,
  request,
}) => {
  const id = unique();
  const monday = await startOnNextMonday(request);
  const orgName = `Harbor Analytics ${id}`;
  const title = `Analytics at Harbor ${id}`;
  const { personId, conversationId } = await conversationAtOrganization(request, {
    organization: orgName,
    person: `Mina Sato ${id}`,
    title,
  });
  const sent = await request.post('/api/messages', {
    data: {
      personId,
      conversationId,
      channel: 'email',
      direction: 'out',
      purpose: 'request',
      body: 'Hi Mina',
    },
  });
  expect(sent.status()).toBe(201);

  // The days as the browser writes them: Thursday (3 business days) and the Wednesday after (7).
  const dayText = (offset: number) =>
    page.evaluate(
      (iso) =>
        new Date(iso).toLocaleDateString(undefined, {
          timeZone: 'UTC',
          weekday: 'short',
          day: 'numeric',
          month: 'short',
        }),
      new Date(monday.getTime() + offset * DAY + 3 * 3_600_000).toISOString(),
    );
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  const thursday = await dayText(3);
  const nextWednesday = await dayText(9);
  const dates = conv.status.getByRole('list', { name: 'If no answer comes' });
  await expect(dates).toContainText(`Write to a second person at ${orgName} on ${thursday} if no answer.`);
  await expect(dates).toContainText(`Follow up on ${nextWednesday} if no answer.`);

  // Today: nothing due for it yet, but Thursday's second contact is coming up this week.
  const today = new TodayPanel(page);
  await today.goto();
  const coming = page.getByRole('region', { name: 'Coming up this week' });
  await expect(coming.getByRole('region', { name: thursday })).toContainText(
    `Reach a second person: ${title}`,
  );
  await expect(today.item(`Reach a second person: ${title}`)).toHaveCount(0);
  await expect(coming).not.toContainText(`Follow up: ${title}`);

  // Thursday: the second contact is due on Today; the follow-up is now the one coming up.
  await setServerClock(request, { advanceDays: 3 });
  await today.goto();
  await expect(today.item(`Reach a second person: ${title}`)).toBeVisible();
  await expect(coming).not.toContainText(`Reach a second person: ${title}`);
  await expect(coming.getByRole('region', { name: nextWednesday })).toContainText(`Follow up: ${title}`);
  await coming.getByRole('link', { name: `Follow up: ${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}$`));
  await expect(dates).toContainText(
    `No answer yet: write to a second person at ${orgName} now (due ${thursday}).`,
  );
  await expect(dates).toContainText(`Follow up on ${nextWednesday} if no answer.`);
});
