import { expect, test } from '@playwright/test';
import { unique, utcDate } from './api-helpers.js';
import { TasksListPage } from './pages/tasks-pages.js';

test('a task due on a date that has passed is warned about as it is typed, and saved as overdue', async ({
  page,
}) => {
  const id = unique();
  const title = `Send Ravi the notes I promised ${id}`;
  const tasks = new TasksListPage(page);
  await tasks.goto();
  await tasks.addButton.click();
  const warning = tasks.addForm.getByText('This date has passed; the task will show as overdue.');
  await tasks.addForm.getByLabel('Task or promise').fill(title);
  await tasks.addForm.getByLabel('Due date').fill(utcDate(3));
  await expect(warning).toHaveCount(0);
  await tasks.addForm.getByLabel('Due date').fill(utcDate(-3));
  await expect(warning).toBeVisible();
  await tasks.addForm.getByRole('button', { name: 'Add task' }).click();

  const row = tasks.row(title);
  await expect(row).toBeVisible();
  await expect(row.getByText('Overdue', { exact: true })).toBeVisible();
});
