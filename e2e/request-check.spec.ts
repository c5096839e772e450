import { expect, test } from '@playwright/test';
import { createOrganization, createPerson, unique } from './api-helpers.js';
import { ComposePage } from './pages/compose-page.js';

test('writing to someone at an employer with an open posting shows the caution, and the check catches a job ask', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgName = `Halden Studio ${id}`;
  const orgId = await createOrganization(request, orgName);
  const added = await request.post('/api/outreach/targets', {
    data: { organizationId: orgId, posting: 3, hasOpenPosting: true },
  });
  expect(added.status()).toBe(201);
  const personId = await createPerson(request, { fullName: `Ines Varga ${id}`, organizationId: orgId });
  const elsewhere = await createPerson(request, { fullName: `Theo Brandt ${id}` });

  const compose = new ComposePage(page);
  await page.goto(`/compose?personId=${personId}&purpose=request`);
  await expect(compose.heading()).toHaveText(`Write to Ines Varga ${id}`);
  await expect(compose.postingCaution).toContainText(orgName);
  await expect(compose.postingCaution).toContainText('job application in disguise');

  await compose.message.fill(
    'Hi Ines,\n\nPriya suggested I write to you. Would you have 20 minutes for a call? I would be thrilled to come and work with you.\n\nBest,\nSam',
  );
  await expect(compose.finding(/reads as a request for a job/)).toContainText(
    'I would be thrilled to come and work with you.',
  );
  await expect(compose.finding(/End on your question/)).toBeVisible();
  await expect(compose.finding(/how to reach you/)).toBeVisible();
  await expect(compose.finding(/one line about yourself/)).toBeVisible();

  // A thank-you is not a request: the caution is about how a request may read.
  await compose.purpose.selectOption('thank_you');
  await expect(compose.postingCaution).toBeHidden();

  await page.goto(`/compose?personId=${elsewhere}&purpose=request`);
  await expect(compose.heading()).toHaveText(`Write to Theo Brandt ${id}`);
  await expect(compose.postingCaution).toBeHidden();
});
