import { expect, test } from '@playwright/test';
import { createConversation, createPerson, unique } from './api-helpers.js';
import { DocumentsPage } from './pages/documents-page.js';
import { navigateTo } from './pages/nav.js';

/** The smallest file that starts like a PDF, which is what the server checks. */
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

test('a resume is uploaded, a file of the wrong type is refused, and the resume goes to a conversation', async ({
  page,
  request,
}) => {
  const id = unique();
  const title = `Resume ${id}`;
  const docs = new DocumentsPage(page);
  await page.goto('/');
  await navigateTo(page, 'Documents');
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();

  // A file named .pdf that is really a web page is refused, by its content.
  await docs.uploadFile(
    {
      name: 'resume.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    },
    { title: `Fake ${id}` },
  );
  await expect(docs.alert).toContainText('This file was refused');
  await expect(docs.upload.getByText('File is not a supported type')).toBeVisible();
  await expect(docs.upload.getByLabel('File')).toHaveAttribute('aria-invalid', 'true');

  // A real PDF goes in, with its version.
  await docs.uploadFile(
    { name: 'resume-v3.pdf', mimeType: 'application/pdf', buffer: tinyPdf },
    { title, kind: 'Resume', version: 'v3 analyst' },
  );
  await expect(docs.upload.getByRole('status')).toContainText(`Uploaded “${title}”`);
  const row = docs.row(title);
  await expect(row).toContainText('v3 analyst');
  await expect(row).toContainText('resume-v3.pdf');
  await expect(docs.table).not.toContainText(`Fake ${id}`);
  const href = await row.getByRole('link', { name: /Download/ }).getAttribute('href');
  const file = await request.get(href ?? '');
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect(file.headers()['content-disposition']).toContain('attachment');

  // Bring it to a conversation and note that it went to the participant.
  const personName = `Ines Novak ${id}`;
  const personId = await createPerson(request, { fullName: personName });
  const conversationId = await createConversation(request, { participantIds: [personId] });
  await page.goto(`/conversations/${conversationId}`);
  const bring = page.getByRole('region', { name: 'Documents to bring' });
  await bring
    .getByLabel('Document to bring')
    .selectOption({ label: `${title} (v3 analyst) — resume-v3.pdf` });
  await bring.getByRole('button', { name: 'Bring this' }).click();
  const item = bring.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Not shared yet.');
  await item.getByRole('button', { name: 'Mark as shared' }).click();
  await expect(item).toContainText(`Shared with ${personName}`);

  // Deleting asks first, and Cancel keeps the document.
  await navigateTo(page, 'Conversations');
  await docs.goto();
  await row.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Delete “${title}”?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete document' }).click();
  await expect(row).toHaveCount(0);
});
