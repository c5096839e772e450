import { expect, test } from '@playwright/test';
import { createConversation, createPerson, createTask, unique, utcDate } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';
import { MessagesListPage, TasksListPage } from './pages/tasks-pages.js';

test('Tasks: one list of what is owed, filtered, ticked off with undo, added, edited and deleted', async ({
  page,
  request,
}) => {
  const id = unique();
  const name = `Noor Haddad ${id}`;
  const personId = await createPerson(request, { fullName: name });
  const conversationId = await createConversation(request, {
    participantIds: [personId],
    title: `Coffee with Noor ${id}`,
  });
  const late = `Send Noor the onboarding article ${id}`;
  const today = `Noor shares the team's reading list ${id}`;
  const later = `Tell Noor how the interview went ${id}`;
  await createTask(request, { title: later, kind: 'report_back', dueOn: utcDate(9), personId });
  await createTask(request, {
    title: late,
    kind: 'promise_mine',
    dueOn: utcDate(-3),
    personId,
    conversationId,
  });
  await createTask(request, { title: today, kind: 'promise_theirs', dueOn: utcDate(0), personId });

  const tasks = new TasksListPage(page);
  await tasks.goto();
  await navigateTo(page, 'Tasks');
  await expect(tasks.heading).toBeVisible();
  await tasks.onlyPerson(name);
  await expect(page).toHaveURL(new RegExp(`person=${personId}`));
  await expect(tasks.exportLink).toHaveAttribute('href', `/api/exports/csv/tasks?personId=${personId}`);

  // Open tasks by due date, the late one marked, with links to the person and the conversation.
  await expect(tasks.list.locator('.check span')).toHaveText([late, today, later]);
  await expect(tasks.row(late)).toContainText('Overdue');
  await expect(tasks.row(today)).toContainText('Due today');
  await expect(tasks.row(late).getByRole('link', { name: `Coffee with Noor ${id}` })).toHaveAttribute(
    'href',
    `/conversations/${conversationId}`,
  );

  // The kind filter lives in the address, so a reload keeps it.
  await tasks.kindFilter.selectOption({ label: 'They promised' });
  await expect(tasks.list.locator('.check span')).toHaveText([today]);
  await page.reload();
  await expect(tasks.kindFilter).toHaveValue('promise_theirs');
  await expect(tasks.list.locator('.check span')).toHaveText([today]);
  await tasks.kindFilter.selectOption({ label: 'Every type' });

  // Ticking a task off with the keyboard moves it to Done; Undo brings it back.
  await tasks.checkbox(late).focus();
  await page.keyboard.press('Space');
  await expect(tasks.toast).toContainText(`Done: “${late}”. It moved to Done.`);
  await expect(tasks.row(late)).toBeHidden();
  await tasks.show('Done');
  await expect(tasks.list.locator('.check span')).toHaveText([late]);
  await expect(tasks.checkbox(late)).toBeChecked();
  await tasks.show('Open');
  await expect(tasks.row(late)).toBeHidden();
  await tasks.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(tasks.row(late)).toBeVisible();
  await expect(tasks.checkbox(late)).not.toBeChecked();

  // Adding: a missing title is named next to the field; the person filter fills in the person.
  const added = `Introduce Noor to Sam ${id}`;
  await tasks.addButton.click();
  await tasks.addForm.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.addForm.locator('.field-error')).toHaveText('Task or promise is required.');
  await expect(tasks.addForm).toContainText(name);
  await tasks.add({ title: added, kind: 'I promised', dueOn: utcDate(1) });
  await expect(tasks.toast).toContainText(`Added “${added}”.`);
  await expect(tasks.list.locator('.check span')).toHaveText([late, today, added, later]);

  // Editing the due date moves the task to its new place.
  await tasks
    .row(added)
    .getByRole('button', { name: `Edit “${added}”` })
    .click();
  const edit = page.getByRole('form', { name: `Edit “${added}”` });
  await edit.getByLabel('Due date').fill(utcDate(20));
  await edit.getByRole('button', { name: 'Save task' }).click();
  await expect(tasks.list.locator('.check span')).toHaveText([late, today, later, added]);

  // Deleting asks first; Cancel keeps the task, confirming removes it.
  let dialog = await tasks.askToDelete(today);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(tasks.row(today)).toBeVisible();
  dialog = await tasks.askToDelete(today);
  await dialog.getByRole('button', { name: 'Delete task' }).click();
  await expect(tasks.row(today)).toBeHidden();
  await expect(tasks.count).toHaveText('3 open tasks');
});

test('Messages: the whole log, newest first, filtered by direction, with links to each person', async ({
  page,
  request,
}) => {
  const id = unique();
  const name = `Ilse Brandt ${id}`;
  const personId = await createPerson(request, { fullName: name });
  const conversationId = await createConversation(request, {
    participantIds: [personId],
    title: `Career switch with Ilse ${id}`,
  });
  const log = async (data: Record<string, unknown>) => {
    const res = await request.post('/api/messages', { data: { personId, conversationId, ...data } });
    expect(res.status()).toBe(201);
  };
  const hour = 3_600_000;
  await log({
    channel: 'email',
    direction: 'out',
    purpose: 'request',
    at: new Date(Date.now() - 3 * hour).toISOString(),
    subject: `Fellow alum, a question about data work ${id}`,
  });
  await log({
    channel: 'linkedin',
    direction: 'in',
    purpose: 'reply',
    at: new Date(Date.now() - hour).toISOString(),
    body: `\nHappy to talk next week ${id}\nBest, Ilse`,
  });

  const messages = new MessagesListPage(page);
  await messages.goto();
  await navigateTo(page, 'Messages');
  await expect(messages.heading).toBeVisible();
  await messages.goto(`?person=${personId}`);
  await expect(messages.rows()).toHaveCount(2);
  await expect(messages.rows().nth(0)).toContainText(`Happy to talk next week ${id}`);
  await expect(messages.rows().nth(0)).toContainText('Received');
  await expect(messages.rows().nth(1)).toContainText(`Fellow alum, a question about data work ${id}`);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    `/api/exports/csv/messages?personId=${personId}`,
  );

  await page.getByRole('button', { name: 'Sent', exact: true }).click();
  await expect(page).toHaveURL(/direction=out/);
  await expect(messages.rows()).toHaveCount(1);
  await expect(messages.rows().nth(0)).toContainText('E-mail');
  // The file holds what the page shows.
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    `/api/exports/csv/messages?personId=${personId}&direction=out`,
  );
  await page.getByLabel('Channel').selectOption({ label: 'LinkedIn' });
  await expect(
    page.getByRole('status').filter({ hasText: 'No message matches these filters.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(messages.rows()).toHaveCount(1);

  await messages.rows().nth(0).getByRole('link', { name }).click();
  await expect(page).toHaveURL(`/people/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});
