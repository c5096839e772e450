import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page.js';
import { PeoplePage } from './pages/people-page.js';

test('import LinkedIn connections: preview, confirm, see them on People, re-import safely', async ({
  page,
}) => {
  const people = new PeoplePage(page);
  await people.goto();
  await page.getByRole('link', { name: 'Import people' }).click();
  await page.getByRole('link', { name: 'LinkedIn connections' }).click();
  const importer = new ImportPage(page);
  await expect(importer.heading).toBeVisible();

  // A broken file is refused with the line to fix, and nothing is shown to import.
  await importer.choose('malformed-quote.csv');
  await expect(importer.alert).toContainText('Line 6');
  await expect(importer.importButton).toBeHidden();

  await importer.choose('connections-2025-01.csv');
  await expect(importer.preview).toContainText('10 to add');
  await expect(importer.preview).toContainText('1 skipped');
  await expect(importer.row(5)).toContainText('Ana Silva');
  await expect(importer.row(5)).toContainText('New');
  await expect(importer.row(11)).toContainText('no first or last name');

  await importer.importButton.click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importer.result).toContainText('10 added');

  await page.getByRole('link', { name: 'See your people' }).click();
  await expect(people.heading).toBeVisible();
  await expect(people.row('Алексей Смирнов')).toContainText('ООО «Северный ветер»');
  await expect(people.row('Chloé Dubois-Martin')).toContainText('Lumière & Fils, S.A.');
  await expect(people.row('Priya Raman 🌱')).toBeVisible();

  // A newer export two months later: two new connections, three changes, no duplicates.
  await importer.goto();
  await importer.choose('connections-2025-03.csv');
  await expect(importer.preview).toContainText('2 to add');
  await expect(importer.preview).toContainText('3 to update');
  await expect(importer.rows.getByRole('row').filter({ hasText: 'Bruno Okafor' })).toContainText(
    'New position, organization',
  );
  await importer.importButton.click();
  await expect(importer.result).toContainText('2 added');

  await people.goto();
  await people.search.fill('Okafor');
  await expect(people.row('Bruno Okafor')).toContainText('Initech');
  await expect(people.table.getByRole('link', { name: 'Bruno Okafor', exact: true })).toHaveCount(1);
});
