import { expect, test } from '@playwright/test';
import { createTask, unique, utcDate } from './api-helpers.js';
import { TodayPanel } from './pages/today-panel.js';

const MINE = 55;
const ids: string[] = [];

// The tasks leave Today afterwards, so the journeys after this one find their own items in the first 50.
test.afterAll(async ({ request }) => {
  for (const id of ids) {
    await request.post('/api/agenda/answer', { data: { key: `task:${id}`, action: 'done' } });
  }
});

test('a long group on Today shows its first items, "Show all" brings the rest, and they can be answered', async ({
  page,
  request,
}) => {
  const run = unique();
  for (let i = 0; i < MINE; i++) {
    ids.push(
      await createTask(request, {
        title: `Long list ${run} ${String(i).padStart(2, '0')}`,
        dueOn: utcDate(0),
      }),
    );
  }
  const today = new TodayPanel(page);
  await today.goto();
  const tasks = today.group('Tasks');
  const showAll = tasks.getByRole('button', { name: /^Show all \d+$/ });
  await expect(showAll).toBeVisible();
  const total = Number((await showAll.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThanOrEqual(MINE);
  await expect(tasks.getByRole('heading')).toContainText(`(${total})`);
  await expect(tasks.getByRole('listitem')).toHaveCount(50);
  await expect(tasks).toContainText(`${total - 50} more`);
  const mine = tasks.getByRole('listitem').filter({ hasText: `Long list ${run}` });
  const before = await mine.locator('.agenda-title').allTextContents();
  expect(before.length).toBeLessThan(MINE);

  // From the keyboard: the button takes Enter, and the first item not shown before takes the focus.
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(tasks.getByRole('listitem')).toHaveCount(total);
  await expect(showAll).toHaveCount(0);
  await expect(tasks.getByRole('listitem').nth(50).locator(':focus')).toHaveCount(1);
  await expect(mine).toHaveCount(MINE);

  // An item that only "Show all" revealed is answered like any other, and the group stays whole.
  const revealed = (await mine.locator('.agenda-title').allTextContents()).find((t) => !before.includes(t))!;
  expect(revealed).toBeTruthy();
  await today.answer(revealed, 'Snooze');
  await expect(today.toast).toContainText(`Snoozed until tomorrow: ${revealed}`);
  await expect(today.item(revealed)).toHaveCount(0);
  await expect(tasks.getByRole('listitem')).toHaveCount(total - 1);
  await today.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(today.toast).toContainText(`Brought back: ${revealed}`);
  await expect(today.item(revealed)).toBeVisible();
  await expect(tasks.getByRole('listitem')).toHaveCount(total);
});
