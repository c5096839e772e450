import { expect, test } from '@playwright/test';
import { createConversation, createOrganization, createPerson, unique } from './api-helpers.js';
import { PlanPage } from './pages/plan-page.js';

test('a proposed plan ends on who else to see and what to do next, with minutes and time to spare', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgId = await createOrganization(request, `Lantern Freight ${id}`);
  const personId = await createPerson(request, { fullName: `Ines Carvalho ${id}`, organizationId: orgId });
  const conversationId = await createConversation(request, {
    type: 'learn_company',
    participantIds: [personId],
    organizationId: orgId,
  });

  const plan = new PlanPage(page);
  await plan.goto(conversationId);
  await plan.proposePlan();

  // The sections come in the order they are met, the closing part last.
  await expect(plan.agenda.getByRole('heading', { level: 3 })).toHaveText([
    /^Warm-up \d+ min$/,
    /^Your questions \d+ min$/,
    /^Next steps \d+ min$/,
  ]);
  const lines = await plan.agenda.locator('.plan-item-text').allTextContents();
  const closing = await plan.texts('Next steps');
  expect(lines.slice(-closing.length)).toEqual(closing);
  // The referral ask and the next step are among the last lines of the whole plan.
  const lastThree = lines.slice(-3);
  expect(lastThree.some((text) => text.startsWith('Who else would you suggest I speak with'))).toBe(true);
  expect(lastThree.some((text) => text.endsWith('what would you suggest as my next step?'))).toBe(true);
  await expect(plan.item('Who else would you suggest I speak with')).toContainText(/\d+ min/);

  // Not every minute is planned: a few are left for answers that run long.
  await expect(plan.agenda).toContainText(/\d+ of 30 minutes planned/);
  await expect(plan.agenda).toContainText(/\d+ minutes to spare — answers usually run long\./);
});
