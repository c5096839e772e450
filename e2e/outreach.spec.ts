import { expect, test } from '@playwright/test';
import {
  createConversation,
  createOrganization,
  createPerson,
  createTask,
  unique,
  utcDate,
} from './api-helpers.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { navigateTo } from './pages/nav.js';
import { SettingsPage } from './pages/settings-page.js';
import { TargetsPage } from './pages/targets-page.js';
import { TodayPanel } from './pages/today-panel.js';

test("Today's items can be marked done, snoozed, and dismissed with an undo", async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Tomás Ibarra ${id}` });
  const dueOn = utcDate(-2);
  const doneTitle = `Send the reading list ${id}`;
  const snoozeTitle = `Ask about the design review ${id}`;
  const dismissTitle = `Share my portfolio link ${id}`;
  const doneId = await createTask(request, { title: doneTitle, dueOn, personId, kind: 'promise_mine' });
  await createTask(request, { title: snoozeTitle, dueOn, personId });
  await createTask(request, { title: dismissTitle, dueOn, personId });

  const today = new TodayPanel(page);
  await today.goto();
  await expect(today.item(doneTitle)).toContainText('Overdue');
  await expect(today.group('Tasks and promises')).toContainText(snoozeTitle);
  await expect(today.item(doneTitle).getByRole('link', { name: 'Open their page' })).toHaveAttribute(
    'href',
    `/people/${personId}`,
  );

  await today.answer(doneTitle, 'Done');
  await expect(today.toast).toContainText(`Marked as done: ${doneTitle}`);
  await expect(today.item(doneTitle)).toBeHidden();
  const tasks = (await (await request.get(`/api/tasks?personId=${personId}&includeDone=true`)).json()) as {
    id: string;
    doneAt: string | null;
  }[];
  expect(tasks.find((t) => t.id === doneId)?.doneAt).toBeTruthy();

  await today.answer(snoozeTitle, 'Snooze');
  await expect(today.toast).toContainText('Snoozed until tomorrow');
  await expect(today.item(snoozeTitle)).toBeHidden();

  await today.answer(dismissTitle, 'Dismiss');
  await expect(today.toast).toContainText(`Dismissed: ${dismissTitle}`);
  await expect(today.item(dismissTitle)).toBeHidden();
  await today.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(today.item(dismissTitle)).toBeVisible();

  // The answers are remembered by the server, not just by the page.
  await page.reload();
  await expect(today.item(dismissTitle)).toBeVisible();
  await expect(today.item(snoozeTitle)).toBeHidden();
  await expect(today.item(doneTitle)).toBeHidden();
});

test('ruling out a target moves the next one up the list', async ({ page, request }) => {
  const id = unique();
  const first = `Aster Learning ${id}`;
  const second = `Birchwood Press ${id}`;
  await createOrganization(request, first);
  await createOrganization(request, second);

  await page.goto('/');
  await navigateTo(page, 'Targets');
  const targets = new TargetsPage(page);
  await expect(page.getByRole('heading', { name: 'How the list is ranked' })).toBeVisible();
  await targets.add(first);
  await targets.add(second);

  await targets.entry(first).getByLabel(`Motivation for ${first}`).selectOption('3');
  await targets.entry(second).getByLabel(`Motivation for ${second}`).selectOption('2');
  await expect
    .poll(async () => (await targets.order()).filter((n) => n.endsWith(id)))
    .toEqual([first, second]);
  await expect(targets.entry(first)).toContainText('Working now');

  // An open posting that fits adds a caution about how a request may read.
  await targets.entry(second).getByLabel(`Posting at ${second}`).selectOption('3');
  await targets
    .entry(second)
    .getByRole('checkbox', { name: /Open posting now/ })
    .check();
  await expect(targets.entry(second)).toContainText('job application in disguise');

  await targets.entry(first).getByLabel(`Status of ${first}`).selectOption({ label: 'Ruled out' });
  await expect
    .poll(async () => (await targets.order()).filter((n) => n.endsWith(id)))
    .toEqual([second, first]);
  await expect(targets.entry(first)).not.toContainText('Working now');
  await expect(targets.entry(second)).toContainText('Working now');

  await targets.entry(first).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: `Take ${first} off your target list?` });
  await dialog.getByRole('button', { name: 'Remove from list' }).click();
  await expect(targets.entry(first)).toBeHidden();
  await expect(targets.entry(second)).toBeVisible();
});

test('a calendar feed is shown once when created, and stops working when revoked', async ({
  page,
  request,
}) => {
  const settings = new SettingsPage(page);
  await page.goto('/');
  await navigateTo(page, 'Settings');
  await settings.feeds.getByRole('button', { name: 'Create a feed' }).click();
  const address = settings.feeds.getByLabel('Feed address');
  await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/feed\/[\w-]{20,64}\.ics$/);
  const url = new URL(await address.inputValue());

  const live = await request.get(url.pathname);
  expect(live.status()).toBe(200);
  expect(live.headers()['content-type']).toContain('text/calendar');

  const newest = settings.feeds
    .getByRole('list', { name: 'Your calendar feeds' })
    .getByRole('listitem')
    .first();
  await expect(newest).toContainText('Active');
  await newest.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this feed?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(newest).toContainText('Active');
  await newest.getByRole('button', { name: 'Revoke' }).click();
  await dialog.getByRole('button', { name: 'Revoke feed' }).click();
  await expect(newest).toContainText('revoked');
  expect((await request.get(url.pathname)).status()).toBe(404);

  // The address is never shown again.
  await page.reload();
  await expect(settings.feeds.getByLabel('Feed address')).toHaveCount(0);
});

test('holidays can be added and removed, and rules saved', async ({ page, request }) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.holidays.getByLabel('Holiday date').fill('2099-12-24');
  await settings.holidays.getByRole('button', { name: 'Add holiday' }).click();
  const holiday = settings.holidays.getByRole('listitem').filter({ hasText: '2099' });
  await expect(holiday).toBeVisible();
  expect(((await (await request.get('/api/settings')).json()) as { holidays: string[] }).holidays).toContain(
    '2099-12-24',
  );
  await holiday.getByRole('button', { name: /^Remove/ }).click();
  await expect(holiday).toBeHidden();

  const words = page.getByLabel('Request length: advise above (words)');
  await words.fill('');
  await settings.save();
  await expect(page.locator('.field', { has: words }).locator('.field-error')).toContainText(
    'needs a number',
  );
  await words.fill('75');
  await settings.save();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
});

test("a meeting downloads as an .ics file, and messages are logged on the person's page", async ({
  page,
  request,
}) => {
  const id = unique();
  const orgId = await createOrganization(request, `Harbor Museum ${id}`);
  const personName = `Ines Kowalski ${id}`;
  const personId = await createPerson(request, { fullName: personName, organizationId: orgId });
  const conversationId = await createConversation(request, { participantIds: [personId] });
  const scheduled = await request.put(`/api/conversations/${conversationId}/meeting`, {
    data: { startsAt: `${utcDate(30)}T15:00:00Z`, timeZone: 'Europe/Warsaw', medium: 'video' },
  });
  expect(scheduled.status()).toBe(200);

  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  const link = conv.meeting.getByRole('link', { name: 'Download .ics' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await request.get((await link.getAttribute('href'))!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('BEGIN:VEVENT');

  await page.goto(`/people/${personId}`);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText('Nothing logged yet');
  await messages.getByRole('button', { name: 'Log a message' }).click();
  await messages.getByLabel('Sent or received').selectOption('out');
  await messages.getByLabel('Purpose').selectOption({ label: 'Keeping in touch' });
  await messages.getByLabel('Channel').selectOption({ label: 'LinkedIn' });
  await messages.getByLabel('What was said').fill('Shared the museum education report');
  await messages.getByRole('button', { name: 'Save to the log' }).click();
  await expect(messages.getByRole('status')).toContainText('Saved to the log');
  const entry = messages.getByRole('list', { name: 'Message log' }).getByRole('listitem').first();
  await expect(entry).toContainText('Shared the museum education report');
  await expect(entry).toContainText('LinkedIn');
  await expect(entry).toContainText('Sent');

  await entry.getByRole('button', { name: 'Delete entry' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this log entry?' })
    .getByRole('button', { name: 'Delete the entry' })
    .click();
  await expect(messages).toContainText('Nothing logged yet');
});
