import { expect, test } from '@playwright/test';
import { createConversation, createPerson, unique } from './api-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { DebriefPage } from './pages/debrief-page.js';
import { DraftOffer, LeaveDialog, reloadAnsweringLeave } from './pages/leave-dialog.js';
import { navigateTo } from './pages/nav.js';
import { PersonFormPage } from './pages/person-form-page.js';

test('a debrief typed and reloaded is offered back, and is gone once saved', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Rosa Lind ${id}` });
  const conversationId = await createConversation(request, { participantIds: [personId] });
  const summary = `She said the team hires twice a year ${id}`;

  const debrief = new DebriefPage(page);
  await debrief.goto(conversationId);
  await debrief.fillSummary(summary);
  // Reloading at once: what was typed must not wait for a pause to be kept.
  expect(await reloadAnsweringLeave(page)).toBe('beforeunload');

  const offer = new DraftOffer(page);
  await expect(offer.region).toContainText(/Restore your draft from \d{1,2}:\d{2}/);
  const field = page.getByLabel('How it went and how it fits you');
  await expect(field).toHaveValue('');
  await offer.restore.click();
  await expect(field).toHaveValue(summary);
  await expect(offer.region).toHaveCount(0);

  await debrief.save();
  await expect(debrief.saved).toBeVisible();
  await page.reload();
  await expect(field).toBeVisible();
  await expect(offer.region).toHaveCount(0);
});

test('a draft can be discarded, and is not offered again', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Omar Diallo ${id}` });
  const conversationId = await createConversation(request, { participantIds: [personId] });

  const debrief = new DebriefPage(page);
  await debrief.goto(conversationId);
  await debrief.fillSummary(`Too early to tell ${id}`);
  await reloadAnsweringLeave(page);
  const offer = new DraftOffer(page);
  await offer.discard.click();
  await expect(offer.region).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('How it went and how it fits you')).toHaveValue('');
  await expect(offer.region).toHaveCount(0);
});

test('leaving a person form with unsaved changes asks first; staying keeps the text', async ({
  page,
  request,
}) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Ines Park ${id}` });
  const form = new PersonFormPage(page);
  await page.goto(`/people/${personId}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await form.fill({ title: 'Head of Research' });

  const leave = new LeaveDialog(page);
  await navigateTo(page, 'People');
  await expect(leave.dialog).toBeVisible();
  await expect(leave.stay).toBeFocused();
  await leave.stay.click();
  await expect(leave.dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}/edit$`));
  await expect(form.title).toHaveValue('Head of Research');

  // Back asks too; leaving on purpose goes.
  await page.goBack();
  await expect(leave.dialog).toBeVisible();
  await leave.leave.click();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));

  // A saved form leaves without a question.
  await page.goto(`/people/${personId}/edit`);
  await form.fill({ title: 'Head of Research' });
  await form.save();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
  await expect(leave.dialog).toBeHidden();
});

test('a move through the nav puts focus on the new page heading; the skip link lands on main', async ({
  page,
}) => {
  await page.goto('/people');
  // On the first load focus stays where the browser puts it.
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await navigateTo(page, 'Organizations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeFocused();
  await navigateTo(page, 'Settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
});

test('compose headings go down one level at a time', async ({ page, request }) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Lea Novak ${id}` });
  await page.goto(`/compose?personId=${personId}`);
  const compose = new ComposePage(page);
  await expect(compose.heading()).toBeVisible();
  const levels = await page
    .locator('main')
    .evaluate((main) =>
      [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
    );
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
});

test('a note and a message being written survive a reload and are offered back', async ({
  page,
  request,
}) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Tariq Benali ${id}` });
  const offer = new DraftOffer(page);

  await page.goto(`/people/${personId}`);
  const note = page.getByLabel('New note');
  await note.fill(`Prefers calls on Fridays ${id}`);
  await reloadAnsweringLeave(page);
  await offer.restore.click();
  await expect(note).toHaveValue(`Prefers calls on Fridays ${id}`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(note).toHaveValue('');
  await page.reload();
  // The note shows in the notes and in the timeline.
  await expect(page.getByText(`Prefers calls on Fridays ${id}`).first()).toBeVisible();
  await expect(offer.region).toHaveCount(0);

  const compose = new ComposePage(page);
  await page.goto(`/compose?personId=${personId}`);
  await compose.message.fill(`Hello Tariq, could we talk about your move into research? ${id}`);
  expect(await reloadAnsweringLeave(page)).toBe('beforeunload');
  await expect(offer.region).toContainText('Restore your draft from');
  await offer.restore.click();
  await expect(compose.message).toHaveValue(
    `Hello Tariq, could we talk about your move into research? ${id}`,
  );
});
