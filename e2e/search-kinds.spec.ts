import { expect, test } from '@playwright/test';
import { createConversation, createPerson, createTask, unique } from './api-helpers.js';
import { Search } from './pages/search.js';

test('search finds conversations, debrief answers and tasks, each once with its kind', async ({
  page,
  request,
}) => {
  const id = unique();
  const word = `marshwillow${id}`;
  const personId = await createPerson(request, { fullName: `Ines Baptiste ${id}` });
  const title = `Ines on ${word} restoration`;
  const conversationId = await createConversation(request, { participantIds: [personId], title });
  const planned = await request.post(`/api/preparation/plans/${conversationId}/items`, {
    data: { section: 'questions', text: 'What does a first project look like?' },
  });
  expect(planned.status()).toBe(200);
  const items = ((await planned.json()) as { items: { id: string; text: string }[] }).items;
  const question = items.find((i) => i.text === 'What does a first project look like?')!;
  const answer = `A small ${word} survey with a senior ecologist`;
  const debrief = await request.post(`/api/preparation/debrief/${conversationId}`, {
    data: { answers: [{ planItemId: question.id, answer }] },
  });
  expect(debrief.ok()).toBe(true);
  const task = `Read the ${word} field guide`;
  await createTask(request, { title: task, conversationId });

  await page.goto('/');
  const search = new Search(page);
  await search.box.fill(word);
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(search.results.getByRole('listitem')).toHaveCount(3);
  const expected = [
    { tag: 'Conversation', text: title },
    { tag: 'Debrief', text: 'What does a first project look like?' },
    { tag: 'Task', text: task },
  ];
  for (const { tag, text } of expected) {
    // Each kind once, with one kind label, and a title that says what the hit is about, not its kind.
    const hit = search.results
      .getByRole('listitem')
      .filter({ has: page.locator('.tag', { hasText: new RegExp(`^${tag}$`) }) });
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText(text);
    await expect(hit.locator('.tag')).toHaveCount(1);
    await expect(hit.getByRole('link')).not.toHaveText(tag);
  }
  await expect(search.result(task).getByRole('link')).toHaveText(task);

  // The kinds are filters too.
  await search.chip('Tasks').click();
  await expect(search.results.getByRole('listitem')).toHaveCount(1);
  await expect(search.results.getByRole('listitem')).toContainText(task);
  await search.chip('Everything').click();

  // A debrief answer opens the plan it answers, where it can be read.
  await expect(search.results.getByRole('listitem')).toHaveCount(3);
  await search.result('What does a first project look like?').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}/plan$`));
  await expect(page.getByText(answer)).toBeVisible();
});
