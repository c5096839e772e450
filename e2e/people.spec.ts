import { expect, test } from '@playwright/test';
import { createOrganization, createPerson, unique } from './api-helpers.js';
import { OrganizationFormPage, OrganizationPage } from './pages/organization-pages.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonFormPage } from './pages/person-form-page.js';
import { PersonPage } from './pages/person-page.js';

test('add an organization, then a person there, fixing a bad e-mail first', async ({ page }) => {
  const id = unique();
  const orgName = `Lumen Studios ${id}`;
  const personName = `Ada Moreau ${id}`;

  const orgForm = new OrganizationFormPage(page);
  await orgForm.gotoNew();
  await orgForm.add({ name: orgName, industry: 'Game design', location: 'Montréal' });
  const orgPage = new OrganizationPage(page);
  await expect(orgPage.heading(orgName)).toBeVisible();
  await expect(orgPage.peopleSection).toContainText('Nobody yet');

  await page.getByRole('link', { name: 'Add someone here' }).click();
  const form = new PersonFormPage(page);
  await expect(form.organization).toHaveValue(/.+/);
  await form.fill({
    name: personName,
    title: 'Narrative Designer',
    email: 'ada-at-example',
    tags: 'games, writing',
  });
  await form.save();

  await expect(form.errorFor(form.email)).toHaveText(
    'E-mail is not an e-mail address: write it like ana@example.com.',
  );
  await expect(form.email).toHaveAttribute('aria-invalid', 'true');
  await expect(form.email).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Some fields need attention');
  await expect(form.name).toHaveValue(personName);

  await form.email.fill('ada@example.org');
  await form.save();

  const person = new PersonPage(page);
  await expect(person.heading(personName)).toBeVisible();
  await expect(person.details.getByRole('link', { name: orgName })).toBeVisible();
  await expect(person.details).toContainText('ada@example.org');
  await expect(person.details).toContainText('writing');

  await person.details.getByRole('link', { name: orgName }).click();
  await expect(orgPage.peopleSection.getByRole('link', { name: personName })).toBeVisible();
});

test('a name that is too long is explained once, in words, next to the field', async ({ page }) => {
  const form = new PersonFormPage(page);
  await form.gotoNew();
  // The input stops at the server's limit; a value that gets past it (pasted by a script, an older
  // browser) is explained by the server in the same words as the label.
  await expect(form.name).toHaveAttribute('maxlength', '200');
  await expect(form.email).toHaveAttribute('type', 'email');
  await form.name.evaluate((input) => input.removeAttribute('maxlength'));
  await form.fill({ name: 'A'.repeat(201) });
  await form.save();

  const sentence = 'Name is too long: at most 200 characters.';
  await expect(form.errorFor(form.name)).toHaveText(sentence);
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(sentence)).toHaveCount(1);
  await expect(page.getByText(/Too big|<=|fullName/)).toHaveCount(0);
});

test('a new organization can be typed while adding a person', async ({ page }) => {
  const id = unique();
  const form = new PersonFormPage(page);
  await form.gotoNew();
  await form.save();
  await expect(form.errorFor(form.name)).toHaveText('Name is required.');

  await form.fill({
    name: `Ben Ortiz ${id}`,
    newOrganization: `Harbor Analytics ${id}`,
    timeZone: 'America/Chicago',
  });
  await form.save();
  const person = new PersonPage(page);
  await expect(person.heading(`Ben Ortiz ${id}`)).toBeVisible();
  await expect(person.details.getByRole('link', { name: `Harbor Analytics ${id}` })).toBeVisible();
  await expect(person.details).toContainText('America/Chicago');
});

test('an edit based on an old version keeps the typed values and offers the latest', async ({
  page,
  request,
}) => {
  const id = unique();
  const personId = await createPerson(request, { fullName: `Chloé Martin ${id}`, title: 'Analyst' });
  const form = new PersonFormPage(page);
  await page.goto(`/people/${personId}/edit`);
  await expect(form.title).toHaveValue('Analyst');

  // Someone else saves first.
  const patched = await request.patch(`/api/people/${personId}`, {
    data: { title: 'Senior Analyst', version: 1 },
  });
  expect(patched.status()).toBe(200);

  await form.title.fill('Lead Analyst');
  await form.save();
  const notice = page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
  await expect(notice).toBeVisible();
  await expect(form.title).toHaveValue('Lead Analyst');

  await notice.getByRole('button', { name: 'Reload latest' }).click();
  await expect(form.title).toHaveValue('Senior Analyst');
  await expect(notice).toBeHidden();

  await form.title.fill('Lead Analyst');
  await form.save();
  await expect(new PersonPage(page).details).toContainText('Lead Analyst');
});

test('deleting a person asks first', async ({ page, request }) => {
  const id = unique();
  const orgId = await createOrganization(request, `Delete Test Org ${id}`);
  const personId = await createPerson(request, { fullName: `Dana Kim ${id}`, organizationId: orgId });
  await page.goto(`/people/${personId}`);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete Dana Kim ${id}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Dana Kim ${id}` })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(page).toHaveURL(/\/people$/);
  const gone = await request.get(`/api/people/${personId}`);
  expect(gone.status()).toBe(404);
});

test('a long list shows its first rows at once and then every row, ticked or not', async ({
  page,
  request,
}) => {
  const id = unique();
  // More people than the first paint shows (FIRST_ROWS, 30), fewer than a page (100).
  const names = Array.from({ length: 45 }, (_, i) => `Long List ${String(i + 1).padStart(2, '0')} ${id}`);
  for (const fullName of names) await createPerson(request, { fullName, title: 'Analyst' });

  const people = new PeoplePage(page);
  await page.goto(`/people?q=${encodeURIComponent(id)}`);
  await expect(page.getByRole('status')).toHaveText(`45 matching “${id}”`);
  const rows = people.table.locator('tbody tr');
  await expect(rows).toHaveCount(45);
  await expect(people.row(names[0]!)).toBeVisible();
  // The last one, drawn after the first screen, is there to scroll to, with its cells.
  await people.row(names[44]!).scrollIntoViewIfNeeded();
  await expect(people.row(names[44]!)).toBeVisible();
  await expect(people.row(names[44]!)).toContainText('Analyst');

  // Ticking everyone on the page ticks the rows drawn late too.
  await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await expect(page.getByRole('checkbox', { name: `Select ${names[44]}` })).toBeChecked();
  await expect(page.getByText('45 people selected')).toBeVisible();
});
