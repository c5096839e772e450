import { expect, test } from '@playwright/test';
import { FormatImportPage, type TestFile } from './pages/import-formats-pages.js';
import { PeoplePage } from './pages/people-page.js';

// Names no other journey uses, so the counts here do not depend on the order specs run in.
const appleExport: TestFile = {
  name: 'Contacts.vcf',
  text: [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//macOS 14.5//EN',
    'N:Halvorsen;Ingrid;;;',
    'FN:Ingrid Halvorsen',
    'ORG:Fjordlys AS;Research;',
    'TITLE:Lead Researcher',
    'item1.EMAIL;type=INTERNET;type=pref:ingrid.halvorsen@fjordlys.example',
    'item1.X-ABLabel:_$!<Work>!$_',
    'TEL;type=CELL;type=VOICE;type=pref:+47 912 34 567',
    'item2.ADR;type=HOME;type=pref:;;Storgata 1;Bergen;;5003;Norway',
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEx8',
    ' dGhwfHhwcICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Wróbel;Zofia;;;',
    'FN:Zofia Wróbel',
    'EMAIL;type=INTERNET:zofia.wrobel@example.pl',
    'NOTE:Met at the Kraków data meetup.\\nAsk about her team.',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Fjordlys AS',
    'ORG:Fjordlys AS;',
    'X-ABShowAs:COMPANY',
    'END:VCARD',
    '',
  ].join('\r\n'),
};

const cutShort: TestFile = {
  name: 'Broken.vcf',
  text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Somebody\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n',
};

const sheet: TestFile = {
  name: 'my-list.csv',
  text: [
    'Name;E-mail;Firma;Position;Ort',
    'Tanvir Rahman;tanvir@example.bd;Padma Analytics;Data Engineer;Dhaka',
    'Mateus Carvalho;mateus@example.br;Carvalho & Filhos;Founder;Porto Alegre',
    '',
  ].join('\r\n'),
};

test('import contacts from a vCard file and a CSV file with a column mapping that is remembered', async ({
  page,
}) => {
  const people = new PeoplePage(page);
  await people.goto();
  await page.getByRole('link', { name: 'Import people' }).click();
  await page.getByRole('link', { name: 'Contacts (vCard)' }).click();
  const vcard = FormatImportPage.vcard(page);
  await expect(vcard.heading).toBeVisible();

  // A file cut short is refused with the line to look at; nothing is offered for import.
  await vcard.choose(cutShort);
  await expect(vcard.alert).toContainText('Line 5');
  await expect(vcard.importButton).toBeHidden();

  await vcard.choose(appleExport);
  await expect(vcard.preview).toContainText('2 to add');
  await expect(vcard.preview).toContainText('1 skipped');
  await expect(vcard.row(1)).toContainText('Ingrid Halvorsen');
  await expect(vcard.row(1)).toContainText('Fjordlys AS');
  await expect(vcard.row(22)).toContainText('organization or a group, not a person');
  await vcard.importButton.click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(vcard.result).toContainText('2 added');

  await page.getByRole('link', { name: 'See your people' }).click();
  await expect(people.row('Ingrid Halvorsen')).toContainText('Fjordlys AS');
  await expect(people.row('Zofia Wróbel')).toBeVisible();

  // CSV: the columns are matched by their names; the user leaves the places out.
  await page.goto('/import/csv');
  const csv = FormatImportPage.csv(page);
  await expect(csv.heading).toBeVisible();
  await csv.choose(sheet);
  await expect(csv.mappingHeading).toBeVisible();
  await expect(csv.column('Name')).toHaveValue('fullName');
  await expect(csv.column('Firma')).toHaveValue('organization');
  await expect(csv.column('Ort')).toHaveValue('location');
  await expect(page.getByRole('row', { name: /Ort/ })).toContainText('Porto Alegre');

  // Without a name column the preview is not offered, and the message says what to choose.
  await csv.column('Name').selectOption('ignore');
  await csv.continueButton.click();
  await expect(csv.alert).toContainText('Choose the column with the name');
  await csv.column('Name').selectOption('fullName');
  await csv.column('Ort').selectOption({ label: 'Ignore this column' });
  await csv.continueButton.click();

  await expect(csv.preview).toContainText('2 to add');
  await expect(csv.row(2)).toContainText('Tanvir Rahman');
  await csv.importButton.click();
  await expect(csv.result).toContainText('2 added');

  await people.goto();
  await people.search.fill('Rahman');
  await expect(people.row('Tanvir Rahman')).toContainText('Padma Analytics');

  // The same kind of file again: the mapping confirmed last time is proposed, and nothing is new.
  await page.goto('/import/csv');
  await csv.choose(sheet);
  await expect(page.getByText('These are the choices you made last time')).toBeVisible();
  await expect(csv.column('Ort')).toHaveValue('ignore');
  await csv.continueButton.click();
  await expect(page.getByText('Everyone in this file is already here and up to date')).toBeVisible();
});
